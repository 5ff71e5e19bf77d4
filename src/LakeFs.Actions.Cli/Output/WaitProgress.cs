namespace LakeFs.Actions.Cli;

/// <summary>
/// A one-line progress display for long waits (<c>watch</c>; later the dump/restore waits): what is awaited and the
/// time elapsed, redrawn in place on standard error every <see cref="RefreshInterval"/>. It shows only when
/// standard error is a terminal (<see cref="CliEnvironment.ErrorIsTerminal"/>); redirected to a file or a CI log
/// it writes nothing at all. Time comes from the environment's clock, so tests drive it in virtual time.
/// </summary>
internal sealed class WaitProgress : IDisposable
{
    /// <summary>How often the line is redrawn.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(1);

    /// <summary>Carriage return and erase-to-end-of-line: the start of every redraw.</summary>
    public const string EraseLine = "\r\u001b[K";

    private readonly Lock _lock = new();
    private readonly TextWriter? _error;
    private readonly TimeProvider _timeProvider;
    private readonly long _started;
    private readonly ITimer? _timer;
    private string _what;
    private bool _shown;
    private bool _disposed;

    private WaitProgress(CliEnvironment environment, string what)
    {
        _timeProvider = environment.TimeProvider;
        _started = _timeProvider.GetTimestamp();
        _what = what;
        if (environment.ErrorIsTerminal)
        {
            _error = environment.Error;
            Draw();
            _timer = _timeProvider.CreateTimer(_ => Draw(), null, RefreshInterval, RefreshInterval);
        }
    }

    /// <summary>Starts showing <paramref name="what"/> is awaited (when standard error is a terminal).</summary>
    /// <param name="environment">Standard error, whether it is a terminal, and the clock.</param>
    /// <param name="what">What is awaited, e.g. "Waiting for runs of commit 1a2b3c in my-repo".</param>
    /// <returns>The display; dispose it when the wait ends.</returns>
    public static WaitProgress Start(CliEnvironment environment, string what)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentException.ThrowIfNullOrEmpty(what);
        return new WaitProgress(environment, what);
    }

    /// <summary>The time since the wait started.</summary>
    public TimeSpan Elapsed => _timeProvider.GetElapsedTime(_started);

    /// <summary>Changes what is shown as awaited and redraws the line.</summary>
    public void Update(string what)
    {
        ArgumentException.ThrowIfNullOrEmpty(what);
        lock (_lock)
        {
            _what = what;
        }

        Draw();
    }

    /// <summary>Erases the line, before something else is written to the same terminal; the next redraw brings it back.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            if (_shown && !_disposed && _error is not null)
            {
                _error.Write(EraseLine);
                _error.Flush();
                _shown = false;
            }
        }
    }

    /// <summary>Stops redrawing and erases the line.</summary>
    public void Dispose()
    {
        _timer?.Dispose();
        lock (_lock)
        {
            if (_shown && _error is not null)
            {
                _error.Write(EraseLine);
                _error.Flush();
                _shown = false;
            }

            _disposed = true;
        }
    }

    /// <summary>The elapsed time as shown: whole seconds (<c>0s</c>, <c>42s</c>, <c>1m05s</c>).</summary>
    public static string FormatElapsed(TimeSpan elapsed) =>
        elapsed < TimeSpan.FromSeconds(1) ? "0s" : DurationParser.Format(TimeSpan.FromSeconds(Math.Floor(elapsed.TotalSeconds)));

    private void Draw()
    {
        lock (_lock)
        {
            if (_disposed || _error is null)
            {
                return;
            }

            _error.Write($"{EraseLine}{_what} ({FormatElapsed(Elapsed)} elapsed)");
            _error.Flush();
            _shown = true;
        }
    }
}
