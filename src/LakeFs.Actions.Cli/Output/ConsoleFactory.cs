using Spectre.Console;

namespace LakeFs.Actions.Cli;

/// <summary>
/// Creates the Spectre.Console console tables are drawn on: over the command's standard output, with
/// colours only when it is a terminal (and <c>NO_COLOR</c> is not set), and wide enough that a redirected
/// table never wraps.
/// </summary>
internal static class ConsoleFactory
{
    private const int RedirectedWidth = 4096;

    public static IAnsiConsole Create(CliEnvironment environment)
    {
        var color = environment.UseColor;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = color ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = color ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(new TrailingSpaceTrimmingWriter(environment.Out)),
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false },
        });
        console.Profile.Width = environment.OutputIsTerminal ? environment.TerminalWidth ?? 120 : RedirectedWidth;
        console.Profile.Capabilities.Unicode = true;
        return console;
    }
}
