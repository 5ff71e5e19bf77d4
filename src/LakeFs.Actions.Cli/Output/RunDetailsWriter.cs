using LakeFs.Actions.Client;
using Spectre.Console;

namespace LakeFs.Actions.Cli;

/// <summary>Writes one run for <c>view</c>: its fields, then a table of its hooks (status, start, end, duration).</summary>
internal static class RunDetailsWriter
{
    public static void Write(IAnsiConsole console, ActionRun run, IReadOnlyCollection<HookRun> hooks)
    {
        void Field(string name, Text value)
        {
            console.Write(new Text(name.PadRight(10), new Style(decoration: Decoration.Bold)));
            console.Write(value);
            console.WriteLine();
        }

        Field("Run:", new Text(run.RunId));
        Field("Status:", StatusStyles.Of(run.Status.Value));
        Field("Event:", new Text(run.EventType));
        Field("Branch:", new Text(run.Branch));
        Field("Commit:", new Text(run.CommitId));
        Field("Started:", new Text(DisplayTime.Of(run.StartTime) + " UTC"));
        Field("Ended:", new Text(run.EndTime is null ? DisplayTime.None : DisplayTime.Of(run.EndTime) + " UTC"));
        Field("Duration:", new Text(DisplayTime.DurationOf(run.StartTime, run.EndTime)));
        console.WriteLine();

        if (hooks.Count == 0)
        {
            console.WriteLine("No hooks.");
            return;
        }

        var table = TableStyle.Create("HOOK RUN ID", "ACTION", "HOOK", "STATUS", "STARTED (UTC)", "ENDED (UTC)", "DURATION");
        foreach (var hook in hooks)
        {
            table.AddRow(
                new Text(hook.HookRunId),
                new Text(hook.Action),
                new Text(hook.HookId),
                StatusStyles.Of(hook.Status.Value),
                new Text(DisplayTime.Of(hook.StartTime)),
                new Text(DisplayTime.Of(hook.EndTime)),
                new Text(DisplayTime.DurationOf(hook.StartTime, hook.EndTime)));
        }

        console.Write(table);
    }

    /// <summary>The heading written before a hook's log with <c>view --logs</c>.</summary>
    public static void WriteLogHeading(IAnsiConsole console, HookRun hook)
    {
        console.WriteLine();
        console.Write(new Text($"==> {hook.HookRunId} {hook.Action}/{hook.HookId} ({hook.Status.Value}) <==", new Style(decoration: Decoration.Bold)));
        console.WriteLine();
    }
}
