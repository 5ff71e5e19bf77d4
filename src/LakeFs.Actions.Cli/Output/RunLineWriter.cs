using System.Globalization;
using LakeFs.Actions.Client;
using Spectre.Console;

namespace LakeFs.Actions.Cli;

/// <summary>
/// Writes runs one line at a time as they arrive (for <c>watch</c>), in fixed-width columns so that
/// successive lines line up without knowing the runs to come.
/// </summary>
internal sealed class RunLineWriter
{
    private const string Format = "{0,-20}  {1,-18}  {2,-16}  {3,-12}  ";
    private readonly IAnsiConsole _console;
    private bool _wroteHeader;

    public RunLineWriter(IAnsiConsole console) => _console = console;

    public void Write(ActionRun run)
    {
        if (!_wroteHeader)
        {
            _console.Write(new Text(
                string.Format(CultureInfo.InvariantCulture, Format, "RUN ID", "EVENT", "BRANCH", "COMMIT") + "STATUS     STARTED (UTC)        DURATION",
                new Style(decoration: Decoration.Bold)));
            _console.WriteLine();
            _wroteHeader = true;
        }

        var line = new Paragraph();
        line.Append(string.Format(CultureInfo.InvariantCulture, Format, run.RunId, run.EventType, run.Branch, DisplayTime.ShortCommit(run.CommitId)));
        line.Append(run.Status.Value, StatusStyles.StyleOf(run.Status.Value));
        line.Append(new string(' ', Math.Max(1, 11 - run.Status.Value.Length)));
        line.Append(DisplayTime.Of(run.StartTime) + "  " + DisplayTime.DurationOf(run.StartTime, run.EndTime));
        _console.Write(line);
        _console.WriteLine();
    }
}
