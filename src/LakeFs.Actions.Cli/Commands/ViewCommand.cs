using System.CommandLine;
using LakeFs.Actions.Client;
using Newtonsoft.Json.Linq;
using Spectre.Console;

namespace LakeFs.Actions.Cli;

/// <summary><c>lakefs-runs view</c>: one run and its hooks, optionally with their output (like <c>gh run view</c>).</summary>
internal static class ViewCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var repository = new Argument<string>("repository") { Description = "Repository id." };
        var runId = new Argument<string>("run-id") { Description = "Run id (from list)." };
        var logs = new Option<bool>("--logs") { Description = "Also show each hook's output (json: an \"output\" field per hook)." };
        var exitStatus = new Option<bool>("--exit-status") { Description = "Exit with 1 when the run or one of its hooks failed." };
        var command = new Command("view", "Show a run and each of its hooks: status, start, end, duration.")
        {
            repository, runId, logs, exitStatus,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var settings = globals.Read(parseResult);
            var request = new ViewRequest(
                parseResult.GetRequiredValue(repository),
                parseResult.GetRequiredValue(runId),
                parseResult.GetValue(logs),
                parseResult.GetValue(exitStatus),
                settings.Output);
            return ClientCommand.RunAsync(environment, settings, (client, token) => ExecuteAsync(client, environment, request, token), cancellationToken);
        });
        return globals.Writes(command, OutputFormat.Table, OutputFormat.Json, OutputFormat.Markdown);
    }

    private static async Task<int> ExecuteAsync(ILakeFsActionsClient client, CliEnvironment environment, ViewRequest request, CancellationToken cancellationToken)
    {
        var run = await client.GetRunAsync(request.Repository, request.RunId, cancellationToken);
        var hooks = await client.ListRunHooksAsync(request.Repository, request.RunId, cancellationToken).ToListAsync(cancellationToken);

        if (request.Format == OutputFormat.Json)
        {
            var json = new JsonLineWriter(environment.Out);
            var document = json.ToObject(run);
            var hookArray = new JArray();
            foreach (var hook in hooks)
            {
                var item = json.ToObject(hook);
                if (request.Logs)
                {
                    await using var output = await client.GetHookOutputAsync(request.Repository, request.RunId, hook.HookRunId, cancellationToken);
                    item["output"] = await output.ReadAsStringAsync(cancellationToken);
                }

                hookArray.Add(item);
            }

            document["hooks"] = hookArray;
            await json.WriteLineAsync(document, cancellationToken);
        }
        else if (request.Format == OutputFormat.Markdown)
        {
            await MarkdownSummary.WriteViewAsync(client, environment.Out, request.Repository, run, hooks, request.Logs, cancellationToken);
        }
        else
        {
            var console = ConsoleFactory.Create(environment);
            RunDetailsWriter.Write(console, run, hooks);
            if (request.Logs)
            {
                foreach (var hook in hooks)
                {
                    RunDetailsWriter.WriteLogHeading(console, hook);
                    await using var output = await client.GetHookOutputAsync(request.Repository, request.RunId, hook.HookRunId, cancellationToken);
                    var last = await RawOutputCopier.CopyAsync(output.Content, environment, cancellationToken);
                    if (last is null)
                    {
                        console.WriteLine("(no output)");
                    }
                    else if (last != (byte)'\n')
                    {
                        console.WriteLine();
                    }
                }
            }
        }

        var failed = run.Status == RunStatus.Failed || hooks.Any(hook => hook.Status == HookStatus.Failed);
        return request.ExitStatus && failed ? ExitCodes.RunFailed : ExitCodes.Success;
    }

    private sealed record ViewRequest(string Repository, string RunId, bool Logs, bool ExitStatus, OutputFormat Format);
}
