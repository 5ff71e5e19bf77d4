using LakeFs.Actions.Client;

namespace LakeFs.Actions.Cli.Output;

/// <summary>
/// A one-line progress display on standard error while a dump or restore task runs, redrawn in place; only when
/// standard error is a terminal, so redirected output and logs never see it.
/// </summary>
internal sealed class TaskProgressLine : IProgress<RepositoryTaskProgress>
{
    private readonly TextWriter _stderr;
    private readonly string _what;
    private int _drawn;

    public TaskProgressLine(TextWriter stderr, string what)
    {
        _stderr = stderr;
        _what = what;
    }

    /// <summary>The progress reporter for <paramref name="environment"/>: null when standard error is not a terminal.</summary>
    public static TaskProgressLine? For(CliEnvironment environment, string what) =>
        environment.ErrorIsTerminal ? new TaskProgressLine(environment.Error, what) : null;

    public void Report(RepositoryTaskProgress value)
    {
        var line = $"{_what}: task {value.TaskId} {(value.Done ? "done" : "running")}, {(int)value.Elapsed.TotalSeconds}s";
        lock (_stderr)
        {
            _stderr.Write("\r" + line.PadRight(_drawn));
            _drawn = line.Length;
            _stderr.Flush();
        }
    }

    /// <summary>Ends the line, so that what follows starts on a new one.</summary>
    public void Finish()
    {
        lock (_stderr)
        {
            if (_drawn > 0)
            {
                _stderr.WriteLine();
                _drawn = 0;
            }
        }
    }
}
