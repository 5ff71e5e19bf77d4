using LakeFs.Actions.Client;
using LakeFs.Actions.Client.Testing;

namespace LakeFs.Actions.Cli;

/// <summary>
/// Decides which lakeFS server to talk to and with which keys: each setting from its flag, else from the
/// environment, else from the lakectl file (<see cref="LakectlConfiguration"/> reads those two). With no
/// endpoint anywhere, starts the embedded demo server and says so on standard error.
/// </summary>
internal static class ConnectionResolver
{
    /// <summary>The client options from flags, environment and lakectl file; null when no server is configured.</summary>
    /// <param name="flags">The global options given.</param>
    /// <param name="environment">Where to read variables and the home directory.</param>
    /// <returns>The options, or null when neither an endpoint nor credentials are configured anywhere.</returns>
    /// <exception cref="UsageException">The configuration is invalid or incomplete.</exception>
    public static LakeFsClientOptions? Resolve(GlobalSettings flags, CliEnvironment environment)
    {
        LakectlConfiguration configured;
        try
        {
            configured = LakectlConfiguration.Load(environment.GetEnvironmentVariable, environment.HomeDirectory);
        }
        catch (InvalidOperationException error)
        {
            throw new UsageException(error.Message, error);
        }

        var options = new LakeFsClientOptions
        {
            Endpoint = flags.Endpoint ?? configured.EndpointUrl,
            AccessKeyId = flags.AccessKeyId ?? configured.AccessKeyId,
            SecretAccessKey = flags.SecretAccessKey ?? configured.SecretAccessKey,
            Retry = { MaxRetries = flags.MaxRetries },
        };

        if (options.Endpoint is null)
        {
            if (options.AccessKeyId is null && options.SecretAccessKey is null)
            {
                return null;
            }

            throw new UsageException(
                $"Credentials are configured but no lakeFS server: pass --endpoint, set {LakectlConfiguration.EndpointVariable} or server.endpoint_url in ~/.lakectl.yaml.");
        }

        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new UsageException("Invalid lakeFS connection settings: " + string.Join(" ", problems));
        }

        return options;
    }

    /// <summary>
    /// Connects to the configured server; starts the embedded demo server when <c>--demo</c> is given, or when no
    /// server is configured and this is not a CI run (the <c>CI</c> variable is not set): a CI job never talks to
    /// the demo server by mistake.
    /// </summary>
    /// <param name="flags">The global options given.</param>
    /// <param name="environment">Where to read the configuration and write the demo notice.</param>
    /// <param name="cancellationToken">Cancels starting the demo server.</param>
    /// <returns>The connection; dispose it.</returns>
    /// <exception cref="UsageException">The configuration is invalid, incomplete, or missing in CI.</exception>
    public static async Task<LakeFsConnection> ConnectAsync(GlobalSettings flags, CliEnvironment environment, CancellationToken cancellationToken)
    {
        LakeFsClientOptions? options;
        string notice;
        if (flags.Demo)
        {
            if (flags.Endpoint is not null || flags.AccessKeyId is not null || flags.SecretAccessKey is not null)
            {
                throw new UsageException("--demo uses the embedded demo server: do not combine it with --endpoint, --access-key-id or --secret-access-key.");
            }

            options = null;
            notice = "--demo given";
        }
        else
        {
            options = Resolve(flags, environment);
            if (options is null && IsContinuousIntegration(environment))
            {
                throw new UsageException(
                    $"no lakeFS server configured (--endpoint, {LakectlConfiguration.EndpointVariable} or ~/.lakectl.yaml), and CI is set: " +
                    "configure the server, or pass --demo to use the embedded demo server.");
            }

            notice = $"no lakeFS server configured (--endpoint, {LakectlConfiguration.EndpointVariable} or ~/.lakectl.yaml)";
        }

        LakeFsActionsEmulator? demoServer = null;
        if (options is null)
        {
            demoServer = await DemoServer.StartAsync(environment, cancellationToken);
            await environment.Error.WriteLineAsync(
                $"lakefs-runs: {notice}; using the embedded demo server at {demoServer.Endpoint} with repository '{LakeFsActionsEmulator.DemoRepository}'.");
            options = DemoServer.OptionsFor(demoServer, flags.MaxRetries);
        }

        try
        {
            return new LakeFsConnection(options, environment.TimeProvider, demoServer);
        }
        catch
        {
            if (demoServer is not null)
            {
                await demoServer.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>True when the <c>CI</c> variable is set (as GitHub Actions, GitLab, Azure Pipelines and others do), and not to <c>false</c> or <c>0</c>.</summary>
    /// <param name="environment">The environment.</param>
    /// <returns>Whether this is a CI run.</returns>
    public static bool IsContinuousIntegration(CliEnvironment environment) =>
        environment.GetEnvironmentVariable("CI") is { } value
        && !value.Trim().Equals("false", StringComparison.OrdinalIgnoreCase)
        && value.Trim() != "0";
}
