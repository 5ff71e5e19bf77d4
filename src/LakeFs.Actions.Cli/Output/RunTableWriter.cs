using LakeFs.Actions.Client;
using Spectre.Console;

namespace LakeFs.Actions.Cli;

/// <summary>Writes action runs as an aligned table: one row per run, the status coloured on a terminal.</summary>
internal static class RunTableWriter
{
    public static void Write(IAnsiConsole console, IReadOnlyCollection<ActionRun> runs)
    {
        if (runs.Count == 0)
        {
            console.WriteLine("No runs.");
            return;
        }

        var table = TableStyle.Create("RUN ID", "EVENT", "BRANCH", "COMMIT", "STATUS", "STARTED (UTC)", "DURATION");
        foreach (var run in runs)
        {
            table.AddRow(
                new Text(run.RunId),
                new Text(run.EventType),
                new Text(run.Branch),
                new Text(DisplayTime.ShortCommit(run.CommitId)),
                StatusStyles.Of(run.Status.Value),
                new Text(DisplayTime.Of(run.StartTime)),
                new Text(DisplayTime.DurationOf(run.StartTime, run.EndTime)));
        }

        console.Write(table);
    }
}
