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

    /// <summary>Connects to the configured server, or starts the embedded demo server when none is configured.</summary>
    /// <param name="flags">The global options given.</param>
    /// <param name="environment">Where to read the configuration and write the demo notice.</param>
    /// <param name="cancellationToken">Cancels starting the demo server.</param>
    /// <returns>The connection; dispose it.</returns>
    /// <exception cref="UsageException">The configuration is invalid or incomplete.</exception>
    public static async Task<LakeFsConnection> ConnectAsync(GlobalSettings flags, CliEnvironment environment, CancellationToken cancellationToken)
    {
        var options = Resolve(flags, environment);
        LakeFsActionsEmulator? demoServer = null;
        if (options is null)
        {
            demoServer = await LakeFsActionsEmulator.StartDemoAsync(new LakeFsEmulatorOptions { TimeProvider = new DemoClock(environment.TimeProvider) }, cancellationToken);
            await environment.Error.WriteLineAsync(
                $"lakefs-runs: no lakeFS server configured (--endpoint, {LakectlConfiguration.EndpointVariable} or ~/.lakectl.yaml); " +
                $"using the embedded demo server at {demoServer.Endpoint} with repository '{LakeFsActionsEmulator.DemoRepository}'.");
            options = new LakeFsClientOptions
            {
                Endpoint = demoServer.Endpoint,
                AccessKeyId = demoServer.AccessKeyId,
                SecretAccessKey = demoServer.SecretAccessKey,
                Retry = { MaxRetries = flags.MaxRetries },
            };
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
}
