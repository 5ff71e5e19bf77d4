using LakeFs.Actions.Client;

namespace LakeFs.Actions.Cli.Commands;

/// <summary>Runs a command's body with a connected client, and turns whatever it throws into a message and an exit code.</summary>
internal static class ClientCommand
{
    public static async Task<int> RunAsync(
        CliEnvironment environment,
        GlobalSettings settings,
        Func<ILakeFsActionsClient, CancellationToken, Task<int>> body,
        CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await ConnectionResolver.ConnectAsync(settings, environment, cancellationToken);
            return await body(connection.Client, cancellationToken);
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

    /// <summary>Like the other overload, with the repositories client.</summary>
    public static async Task<int> RunAsync(
        CliEnvironment environment,
        GlobalSettings settings,
        Func<ILakeFsRepositoriesClient, CancellationToken, Task<int>> body,
        CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await ConnectionResolver.ConnectAsync(settings, environment, cancellationToken);
            return await body(connection.Repositories, cancellationToken);
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
