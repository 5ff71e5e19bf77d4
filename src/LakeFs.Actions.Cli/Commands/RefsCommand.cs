using System.CommandLine;
using LakeFs.Actions.Client;

namespace LakeFs.Actions.Cli;

/// <summary><c>lakefs-runs refs dump|restore</c>: like <c>lakectl refs-dump</c> and <c>lakectl refs-restore</c>, waiting for the task.</summary>
internal static class RefsCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var command = new Command("refs", "Dump a repository's refs, or restore them into a bare repository.");
        var pollInterval = DurationOption.Create("--poll-interval", "Time between status requests (e.g. 3s).", TimeSpan.FromSeconds(3));
        var timeout = DurationOption.Create("--timeout", "Give up (exit 124) when the task's update time stays the same this long (e.g. 1h).", TimeSpan.FromHours(1));

        var dumpRepository = new Argument<string>("repository") { Description = "Repository id." };
        var dump = new Command("dump", "Dump the refs to the repository's storage namespace; prints the meta range ids (the input of 'refs restore').") { dumpRepository, pollInterval, timeout };
        dump.SetAction((parseResult, cancellationToken) =>
        {
            var settings = globals.Read(parseResult);
            var id = parseResult.GetRequiredValue(dumpRepository);
            return ClientCommand.RunAsync(environment, settings, async (ILakeFsRepositoriesClient client, CancellationToken token) =>
            {
                RefsDump refs;
                using (var display = WaitProgress.Start(environment, $"dumping refs of {id}"))
                {
                    refs = await client.DumpAsync(id, WaitOptions(parseResult, pollInterval, timeout, new TaskWaitProgress(display, $"dumping refs of {id}")), token);
                }

                await new JsonLineWriter(environment.Out).WriteLineAsync(refs, token);
                return ExitCodes.Success;
            }, cancellationToken);
        });

        var restoreRepository = new Argument<string>("repository") { Description = "Repository id (a bare repository)." };
        var file = new Option<FileInfo>("--file", "-f") { Description = "JSON file with the meta range ids printed by 'refs dump' ('-' reads standard input).", Required = true, HelpName = "file|-" };
        var force = new Option<bool>("--force") { Description = "Restore even into a read-only repository." };
        var restore = new Command("restore", "Restore refs from a dump into a bare repository.") { restoreRepository, file, force, pollInterval, timeout };
        restore.SetAction((parseResult, cancellationToken) =>
        {
            var settings = globals.Read(parseResult);
            var id = parseResult.GetRequiredValue(restoreRepository);
            var path = parseResult.GetRequiredValue(file);
            var forced = parseResult.GetValue(force);
            return ClientCommand.RunAsync(environment, settings, async (ILakeFsRepositoriesClient client, CancellationToken token) =>
            {
                var refs = GcCommand.ReadJsonFile<RefsDump>(path, environment);
                using (var display = WaitProgress.Start(environment, $"restoring refs into {id}"))
                {
                    await client.RestoreAsync(id, refs, forced, WaitOptions(parseResult, pollInterval, timeout, new TaskWaitProgress(display, $"restoring refs into {id}")), token);
                }

                await RepoCommand.WriteMessageAsync(environment, settings.Output, new { repository = id, restored = true }, $"Refs restored into '{id}'.", token);
                return ExitCodes.Success;
            }, cancellationToken);
        });

        command.Add(dump);
        command.Add(restore);
        return command;
    }

    private static TaskWaitOptions WaitOptions(ParseResult parseResult, Option<TimeSpan> pollInterval, Option<TimeSpan> stallTimeout, IProgress<RepositoryTaskProgress> progress) => new()
    {
        PollInterval = parseResult.GetValue(pollInterval),
        StallTimeout = parseResult.GetValue(stallTimeout),
        Progress = progress,
    };
}
