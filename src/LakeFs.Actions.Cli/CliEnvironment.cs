using System.Text;

namespace LakeFs.Actions.Cli;

/// <summary>
/// Everything a command touches outside itself: standard output (as bytes and as text), standard error,
/// the environment variables, the home directory and the clock. <see cref="FromProcess"/> wires the real
/// ones; tests pass in-memory ones and run the commands in-process.
/// </summary>
internal sealed class CliEnvironment
{
    /// <summary>Standard output as bytes; <c>logs</c> copies hook output here unchanged.</summary>
    public required Stream StandardOutput { get; init; }

    /// <summary>Standard output as text (UTF-8), buffered: flushed before anything is written to <see cref="StandardOutput"/>, after each watched run and when the command ends.</summary>
    public required TextWriter Out { get; init; }

    /// <summary>Standard input: <c>--file -</c> reads a document from it; <c>demo</c> runs until it closes. Empty by default.</summary>
    public TextReader Input { get; init; } = TextReader.Null;

    /// <summary>Standard error: notices and error messages.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>Reads an environment variable; null when it is not set.</summary>
    public required Func<string, string?> GetEnvironmentVariable { get; init; }

    /// <summary>The folder relative paths start from (<c>actions validate</c> looks for <c>_lakefs_actions</c> there); null for the process's current folder.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>The home directory holding <c>.lakectl.yaml</c>; null when there is none.</summary>
    public string? HomeDirectory { get; init; }

    /// <summary>True when standard output is a terminal: tables get colours and the terminal's width.</summary>
    public bool OutputIsTerminal { get; init; }

    /// <summary>True when standard error is a terminal: long waits show their progress there.</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>Width of the terminal in columns, when <see cref="OutputIsTerminal"/>.</summary>
    public int? TerminalWidth { get; init; }

    /// <summary>The clock for polling, timeouts, retry delays and <c>--since</c> durations.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>True when tables may use colour: a terminal, and <c>NO_COLOR</c> is not set.</summary>
    public bool UseColor => OutputIsTerminal && string.IsNullOrEmpty(GetEnvironmentVariable("NO_COLOR"));

    /// <summary>The real process: console streams, process environment, the user's home directory, the system clock.</summary>
    /// <returns>The environment.</returns>
    public static CliEnvironment FromProcess()
    {
        var stdout = Console.OpenStandardOutput();
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var isTerminal = !Console.IsOutputRedirected;
        return new CliEnvironment
        {
            StandardOutput = stdout,
            Input = Console.In,
            Out = new StreamWriter(stdout, utf8, bufferSize: 64 * 1024, leaveOpen: true),
            Error = new StreamWriter(Console.OpenStandardError(), utf8, bufferSize: 1024, leaveOpen: true) { AutoFlush = true },
            GetEnvironmentVariable = Environment.GetEnvironmentVariable,
            HomeDirectory = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
            OutputIsTerminal = isTerminal,
            ErrorIsTerminal = !Console.IsErrorRedirected,
            TerminalWidth = isTerminal ? TryGetWindowWidth() : null,
        };
    }

    private static int? TryGetWindowWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
