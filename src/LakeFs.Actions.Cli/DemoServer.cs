using LakeFs.Actions.Client;
using LakeFs.Actions.Client.Testing;

namespace LakeFs.Actions.Cli;

/// <summary>
/// The embedded demo server: the emulator seeded with the demo data (repositories <c>demo-repo</c> and
/// <c>analytics</c>), its clock held at the start of the UTC day so that run ids stay the same all day, and an
/// S3 blockstore so that it accepts the <c>s3://</c> namespaces its data and the help text use.
/// </summary>
internal static class DemoServer
{
    /// <summary>The blockstore the demo server emulates: its repositories live under <c>s3://</c>.</summary>
    public const string BlockstoreType = "s3";

    /// <summary>Starts the demo server.</summary>
    /// <param name="environment">Its clock.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server; dispose it.</returns>
    public static Task<LakeFsActionsEmulator> StartAsync(CliEnvironment environment, CancellationToken cancellationToken) =>
        LakeFsActionsEmulator.StartDemoAsync(
            new LakeFsEmulatorOptions { TimeProvider = new StartOfDayClock(environment.TimeProvider), BlockstoreType = BlockstoreType },
            cancellationToken);

    /// <summary>The client options that reach <paramref name="server"/>.</summary>
    /// <param name="server">The running demo server.</param>
    /// <param name="maxRetries">Retries of a failed request.</param>
    /// <returns>The options.</returns>
    public static LakeFsClientOptions OptionsFor(LakeFsActionsEmulator server, int maxRetries) => new()
    {
        Endpoint = server.Endpoint,
        AccessKeyId = server.AccessKeyId,
        SecretAccessKey = server.SecretAccessKey,
        Retry = { MaxRetries = maxRetries },
    };
}
