using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LakeFs.Actions.Client;

/// <summary>
/// lakeFS connection settings found the way lakectl finds them: the environment variables
/// <c>LAKECTL_SERVER_ENDPOINT_URL</c>, <c>LAKECTL_CREDENTIALS_ACCESS_KEY_ID</c> and
/// <c>LAKECTL_CREDENTIALS_SECRET_ACCESS_KEY</c>, then the YAML file <c>~/.lakectl.yaml</c> (or the path in
/// <c>LAKECTL_CONFIG_FILE</c>) with the keys <c>server.endpoint_url</c>, <c>credentials.access_key_id</c> and
/// <c>credentials.secret_access_key</c>.
/// </summary>
/// <remarks>
/// The environment wins over the file, key by key; settings made explicitly on <see cref="LakeFsClientOptions"/>
/// win over both (see <see cref="ApplyTo"/>).
/// </remarks>
public sealed class LakectlConfiguration
{
    /// <summary>Environment variable with the server URL.</summary>
    public const string EndpointVariable = "LAKECTL_SERVER_ENDPOINT_URL";

    /// <summary>Environment variable with the access key id.</summary>
    public const string AccessKeyIdVariable = "LAKECTL_CREDENTIALS_ACCESS_KEY_ID";

    /// <summary>Environment variable with the secret access key.</summary>
    public const string SecretAccessKeyVariable = "LAKECTL_CREDENTIALS_SECRET_ACCESS_KEY";

    /// <summary>Environment variable with the path of the configuration file.</summary>
    public const string ConfigFileVariable = "LAKECTL_CONFIG_FILE";

    // The settings read from the file; everything else in it (other tools' settings, server.retries, ...) is left alone.
    private static readonly HashSet<(string Section, string Key)> KnownSettings =
    [
        ("server", "endpoint_url"), ("credentials", "access_key_id"), ("credentials", "secret_access_key"),
    ];

    /// <summary>The server URL, with or without <c>/api/v1</c>.</summary>
    public Uri? EndpointUrl { get; init; }

    /// <summary>The access key id.</summary>
    public string? AccessKeyId { get; init; }

    /// <summary>The secret access key; never shown by <see cref="ToString"/>.</summary>
    public string? SecretAccessKey { get; init; }

    /// <summary>The configuration file that was read, if one was found.</summary>
    public string? ConfigFilePath { get; init; }

    /// <summary>True when an endpoint was found.</summary>
    public bool IsConfigured => EndpointUrl is not null;

    /// <summary>Reads the process environment and the current user's lakectl file.</summary>
    /// <returns>What was found; empty when nothing is configured.</returns>
    /// <exception cref="InvalidOperationException">The file or a variable holds an invalid value; the message names it.</exception>
    public static LakectlConfiguration Load() =>
        Load(Environment.GetEnvironmentVariable, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>Reads the given environment and the lakectl file under <paramref name="homeDirectory"/>.</summary>
    /// <param name="getEnvironmentVariable">Returns an environment variable's value, or null.</param>
    /// <param name="homeDirectory">The home directory holding <c>.lakectl.yaml</c>; null or empty to skip it.</param>
    /// <returns>What was found; empty when nothing is configured.</returns>
    /// <exception cref="InvalidOperationException">
    /// The file or a variable holds an invalid value, a variable is set but empty, the file is not a YAML mapping,
    /// or one of its settings is present but empty; the message names it.
    /// </exception>
    public static LakectlConfiguration Load(Func<string, string?> getEnvironmentVariable, string? homeDirectory)
    {
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        string? Env(string name) => getEnvironmentVariable(name) switch
        {
            null => null,
            { } value when string.IsNullOrWhiteSpace(value) => throw new InvalidOperationException(
                $"{name} is set but empty: give it a value, or unset it."),
            { } value => value.Trim(),
        };

        var explicitFile = Env(ConfigFileVariable);
        var path = explicitFile ?? (string.IsNullOrEmpty(homeDirectory) ? null : Path.Combine(homeDirectory, ".lakectl.yaml"));
        if (explicitFile is not null && !File.Exists(explicitFile))
        {
            throw new InvalidOperationException($"{ConfigFileVariable} names '{explicitFile}', which does not exist.");
        }

        var file = path is not null && File.Exists(path) ? ReadFile(path) : null;
        string? FromFile(string section, string key) => file is not null && file.TryGetValue((section, key), out var value) ? value : null;

        var endpoint = Env(EndpointVariable) is { } fromEnv
            ? ParseEndpoint(fromEnv, EndpointVariable)
            : FromFile("server", "endpoint_url") is { } fromFile ? ParseEndpoint(fromFile, $"server.endpoint_url in '{path}'") : null;

        return new LakectlConfiguration
        {
            EndpointUrl = endpoint,
            AccessKeyId = Env(AccessKeyIdVariable) ?? FromFile("credentials", "access_key_id"),
            SecretAccessKey = Env(SecretAccessKeyVariable) ?? FromFile("credentials", "secret_access_key"),
            ConfigFilePath = file is not null ? path : null,
        };
    }

    /// <summary>Fills the settings <paramref name="options"/> does not have yet; explicit settings win.</summary>
    /// <param name="options">The options to complete.</param>
    public void ApplyTo(LakeFsClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Endpoint ??= EndpointUrl;
        if (options.BearerToken is null && options.AccessKeyId is null && options.SecretAccessKey is null)
        {
            options.AccessKeyId = AccessKeyId;
            options.SecretAccessKey = SecretAccessKey;
        }
    }

    /// <summary>Creates client options from this configuration.</summary>
    /// <returns>New options.</returns>
    public LakeFsClientOptions ToClientOptions()
    {
        var options = new LakeFsClientOptions();
        ApplyTo(options);
        return options;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"EndpointUrl={EndpointUrl?.ToString() ?? "(not set)"}, AccessKeyId={AccessKeyId ?? "(not set)"}, SecretAccessKey={(SecretAccessKey is null ? "(not set)" : "***")}, ConfigFile={ConfigFilePath ?? "(none)"}";

    private static Uri ParseEndpoint(string value, string source)
    {
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return uri;
        }

        throw new InvalidOperationException($"{source} must be an absolute http or https URL (was '{value}').");
    }

    private static Dictionary<(string Section, string Key), string> ReadFile(string path)
    {
        var values = new Dictionary<(string, string), string>();
        try
        {
            using var reader = new StreamReader(path);
            var yaml = new YamlStream();
            yaml.Load(reader);
            if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
            {
                return values; // an empty file (or only comments) configures nothing
            }

            if (yaml.Documents[0].RootNode is not YamlMappingNode root)
            {
                throw new InvalidOperationException(
                    $"The lakectl configuration file '{path}' is not a YAML mapping (expected keys such as server: and credentials:).");
            }

            foreach (var (sectionKey, sectionNode) in root.Children)
            {
                if (sectionKey is not YamlScalarNode { Value: { } section } || !KnownSettings.Any(setting => setting.Section == section))
                {
                    continue; // settings of other lakeFS tools
                }

                if (sectionNode is not YamlMappingNode mapping)
                {
                    throw new InvalidOperationException(
                        $"{section} in the lakectl configuration file '{path}' is not a mapping (expected e.g. {section}: then indented keys).");
                }

                foreach (var (key, value) in mapping.Children)
                {
                    if (key is not YamlScalarNode { Value: { } name } || !KnownSettings.Contains((section, name)))
                    {
                        continue;
                    }

                    if (value is not YamlScalarNode { Value: { } text } || string.IsNullOrWhiteSpace(text))
                    {
                        throw new InvalidOperationException(
                            $"{section}.{name} in the lakectl configuration file '{path}' is present but {(value is YamlScalarNode ? "empty" : "not a single value")}: give it a value, or remove it.");
                    }

                    values[(section, name)] = text.Trim();
                }
            }

            return values;
        }
        catch (YamlException error)
        {
            throw new InvalidOperationException($"The lakectl configuration file '{path}' is not valid YAML (line {error.Start.Line}): {error.Message}", error);
        }
        catch (IOException error)
        {
            throw new InvalidOperationException($"The lakectl configuration file '{path}' cannot be read: {error.Message}", error);
        }
    }
}
