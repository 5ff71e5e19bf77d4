using System.CommandLine;
using LakeFs.Actions.Client;

namespace LakeFs.Actions.Cli;

/// <summary><c>lakefs-runs logs</c>: one hook run's output, streamed to standard output byte for byte.</summary>
internal static class LogsCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var repository = new Argument<string>("repository") { Description = "Repository id." };
        var runId = new Argument<string>("run-id") { Description = "Run id (from list)." };
        var hookRunId = new Argument<string>("hook-run-id") { Description = "Hook run id (from view), e.g. 0000_0001." };
        var command = new Command("logs", "Write the output of one hook run to standard output, byte for byte (--output does not apply: only the default, table, is accepted).")
        {
            repository, runId, hookRunId,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var settings = globals.Read(parseResult);
            return ClientCommand.RunAsync(environment, settings, (client, token) => ExecuteAsync(
                client,
                environment,
                parseResult.GetRequiredValue(repository),
                parseResult.GetRequiredValue(runId),
                parseResult.GetRequiredValue(hookRunId),
                token), cancellationToken);
        });
        return globals.Writes(command, OutputFormat.Table);
    }

    private static async Task<int> ExecuteAsync(
        ILakeFsActionsClient client, CliEnvironment environment, string repository, string runId, string hookRunId, CancellationToken cancellationToken)
    {
        await using var output = await client.GetHookOutputAsync(repository, runId, hookRunId, cancellationToken);
        await RawOutputCopier.CopyAsync(output.Content, environment, cancellationToken);
        return ExitCodes.Success;
    }
}
