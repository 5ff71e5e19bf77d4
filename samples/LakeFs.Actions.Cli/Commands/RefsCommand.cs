using System.CommandLine;
using LakeFs.Actions.Cli.Output;
using LakeFs.Actions.Client;

namespace LakeFs.Actions.Cli.Commands;

/// <summary><c>lakefs-runs refs dump|restore</c>: like <c>lakectl refs-dump</c> and <c>lakectl refs-restore</c>, waiting for the task.</summary>
internal static class RefsCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var command = new Command("refs", "Dump a repository's refs, or restore them into a bare repository.");
        var pollInterval = new Option<TimeSpan>("--poll-interval") { Description = "Time between status requests (e.g. 3s).", DefaultValueFactory = _ => TimeSpan.FromSeconds(3), CustomParser = Duration };
        var timeout = new Option<TimeSpan>("--timeout") { Description = "Give up (exit 124) when the task's update time stays the same this long (e.g. 1h).", DefaultValueFactory = _ => TimeSpan.FromHours(1), CustomParser = Duration };

        var dumpRepository = new Argument<string>("repository") { Description = "Repository id." };
        var dump = new Command("dump", "Dump the refs to the repository's storage namespace; prints the meta range ids (the input of 'refs restore').") { dumpRepository, pollInterval, timeout };
        dump.SetAction((parseResult, cancellationToken) =>
        {
            var settings = globals.Read(parseResult);
            var id = parseResult.GetRequiredValue(dumpRepository);
            var progress = TaskProgressLine.For(environment, $"dumping refs of {id}");
            var wait = new TaskWaitOptions { PollInterval = parseResult.GetValue(pollInterval), StallTimeout = parseResult.GetValue(timeout), Progress = progress };
            return ClientCommand.RunAsync(environment, settings, async (ILakeFsRepositoriesClient client, CancellationToken token) =>
            {
                try
                {
                    var refs = await client.DumpAsync(id, wait, token);
                    progress?.Finish();
                    await new JsonLineWriter(environment.Out).WriteLineAsync(refs, token);
                    return ExitCodes.Success;
                }
                finally
                {
                    progress?.Finish();
                }
            }, cancellationToken);
        });

        var restoreRepository = new Argument<string>("repository") { Description = "Repository id (a bare repository)." };
        var file = new Option<FileInfo>("--file", "-f") { Description = "JSON file with the meta range ids printed by 'refs dump' ('-' reads standard input).", Required = true };
        var force = new Option<bool>("--force") { Description = "Restore even into a read-only repository." };
        var restore = new Command("restore", "Restore refs from a dump into a bare repository.") { restoreRepository, file, force, pollInterval, timeout };
        restore.SetAction((parseResult, cancellationToken) =>
        {
            var settings = globals.Read(parseResult);
            var id = parseResult.GetRequiredValue(restoreRepository);
            var path = parseResult.GetRequiredValue(file);
            var forced = parseResult.GetValue(force);
            var progress = TaskProgressLine.For(environment, $"restoring refs into {id}");
            var wait = new TaskWaitOptions { PollInterval = parseResult.GetValue(pollInterval), StallTimeout = parseResult.GetValue(timeout), Progress = progress };
            return ClientCommand.RunAsync(environment, settings, async (ILakeFsRepositoriesClient client, CancellationToken token) =>
            {
                var refs = GcCommand.ReadJsonFile<RefsDump>(path);
                try
                {
                    await client.RestoreAsync(id, refs, forced, wait, token);
                }
                finally
                {
                    progress?.Finish();
                }

                await RepoCommand.WriteMessageAsync(environment, settings.Output, new { repository = id, restored = true }, $"Refs restored into '{id}'.", token);
                return ExitCodes.Success;
            }, cancellationToken);
        });

        command.Add(dump);
        command.Add(restore);
        return command;
    }

    private static TimeSpan Duration(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (DurationParser.TryParse(text, out var value) && value > TimeSpan.Zero)
        {
            return value;
        }

        result.AddError($"'{text}' is not a positive duration (e.g. 3s, 5m, 1h).");
        return default;
    }
}
