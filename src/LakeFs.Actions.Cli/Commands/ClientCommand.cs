using LakeFs.Actions.Client;

namespace LakeFs.Actions.Cli;

/// <summary>Runs a command's body with a connected client, and turns whatever it throws into a message and an exit code.</summary>
internal static class ClientCommand
{
    /// <summary>Runs <paramref name="body"/> with the actions client.</summary>
    public static Task<int> RunAsync(
        CliEnvironment environment,
        GlobalSettings settings,
        Func<ILakeFsActionsClient, CancellationToken, Task<int>> body,
        CancellationToken cancellationToken) =>
        RunConnectedAsync(environment, settings, (connection, token) => body(connection.Client, token), cancellationToken);

    /// <summary>Runs <paramref name="body"/> with the repositories client.</summary>
    public static Task<int> RunAsync(
        CliEnvironment environment,
        GlobalSettings settings,
        Func<ILakeFsRepositoriesClient, CancellationToken, Task<int>> body,
        CancellationToken cancellationToken) =>
        RunConnectedAsync(environment, settings, (connection, token) => body(connection.Repositories, token), cancellationToken);

    private static async Task<int> RunConnectedAsync(
        CliEnvironment environment,
        GlobalSettings settings,
        Func<LakeFsConnection, CancellationToken, Task<int>> body,
        CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await ConnectionResolver.ConnectAsync(settings, environment, cancellationToken);
            return await body(connection, cancellationToken);
        }
        catch (Exception error)
        {
            await FlushQuietlyAsync(environment.Out);
            return await ErrorReporter.ReportAsync(error, environment.Error, cancellationToken);
        }
        finally
        {
            await FlushQuietlyAsync(environment.Out);
        }
    }

    private static async Task FlushQuietlyAsync(TextWriter writer)
    {
        try
        {
            await writer.FlushAsync();
        }
        catch (IOException)
        {
            // Standard output was closed (e.g. piped into head); nothing more to say there.
        }
    }
}
