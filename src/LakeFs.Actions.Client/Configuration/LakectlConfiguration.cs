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
    /// <exception cref="InvalidOperationException">The file or a variable holds an invalid value; the message names it.</exception>
    public static LakectlConfiguration Load(Func<string, string?> getEnvironmentVariable, string? homeDirectory)
    {
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        string? Env(string name) => getEnvironmentVariable(name) is { Length: > 0 } value ? value.Trim() : null;

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
            if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root)
            {
                return values;
            }

            foreach (var (sectionKey, sectionNode) in root.Children)
            {
                if (sectionKey is not YamlScalarNode { Value: { } section } || sectionNode is not YamlMappingNode mapping)
                {
                    continue;
                }

                foreach (var (key, value) in mapping.Children)
                {
                    if (key is YamlScalarNode { Value: { } name } && value is YamlScalarNode { Value: { Length: > 0 } text })
                    {
                        values[(section, name)] = text.Trim();
                    }
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
