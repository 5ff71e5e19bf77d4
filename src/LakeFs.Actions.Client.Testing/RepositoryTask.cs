using System.Security.Cryptography;

namespace LakeFs.Actions.Client.Testing;

/// <summary>
/// A dump or restore task, as lakeFS runs it: three steps in the background, the status record updated after
/// each step (its <see cref="UpdateTime"/>), done after the last step or the first failing one. Progress is
/// computed from the time elapsed on the emulator's clock (its timestamps, so that a clock whose "now" is held,
/// like the CLI's demo clock, still lets tasks finish): step <c>i</c> (1-based) ends <c>duration * i / 3</c> after
/// the submit, and its update time is the submit's wall-clock time plus that much.
/// A stalled task never makes progress. Callers hold <see cref="EmulatorStore"/>'s lock.
/// </summary>
internal sealed class RepositoryTask
{
    public const string DumpPrefix = "DR";
    public const string RestorePrefix = "RR";
    public const int StepCount = 3;
    private const int IdLength = 20;
    private const string IdAlphabet = "_-0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private readonly TimeProvider _clock;
    private readonly long _submittedTimestamp;
    private readonly DateTimeOffset _submitted;
    private readonly TimeSpan _duration;
    private readonly bool _stalled;
    private int _stepsDone;
    private TimeSpan _updatedAfter;

    public RepositoryTask(string prefix, TimeProvider clock, TimeSpan duration, bool stalled)
    {
        Id = prefix + RandomNumberGenerator.GetString(IdAlphabet, IdLength);
        _clock = clock;
        _submittedTimestamp = clock.GetTimestamp();
        var submitted = clock.GetUtcNow();
        _submitted = submitted;
        _duration = duration;
        _stalled = stalled;
        UpdateTime = submitted;
    }

    /// <summary>Runs step <c>index</c> (0-based) and returns its error message, or null when it succeeded.</summary>
    public Func<int, string?>? StepRunner { get; set; }

    public string Id { get; }

    public bool Done { get; private set; }

    public string? Error { get; private set; }

    public DateTimeOffset UpdateTime { get; private set; }

    /// <summary>The meta range ids a dump produced; set by its first step.</summary>
    public RefsDumpIds? Refs { get; set; }

    /// <summary>True for an id of the given kind: the prefix followed by exactly 20 characters.</summary>
    public static bool IsTaskId(string prefix, string id) =>
        id.Length == prefix.Length + IdLength && id.StartsWith(prefix, StringComparison.Ordinal);

    /// <summary>Runs the steps whose time has come.</summary>
    public void Advance()
    {
        var elapsed = _clock.GetElapsedTime(_submittedTimestamp);
        while (!Done && !_stalled && _stepsDone < StepCount)
        {
            var end = _duration * (_stepsDone + 1) / StepCount;
            if (end > elapsed)
            {
                return;
            }

            var error = StepRunner?.Invoke(_stepsDone);
            _stepsDone++;
            _updatedAfter = end;
            UpdateTime = _submitted + end;
            if (error is not null)
            {
                Error = error;
                Done = true;
            }
            else if (_stepsDone == StepCount)
            {
                Done = true;
            }
        }
    }

    /// <summary>True when lakeFS's sweeper would have removed the record: 24 hours after its last update.</summary>
    public bool IsExpired() => _clock.GetElapsedTime(_submittedTimestamp) - _updatedAfter >= TimeSpan.FromHours(24);
}
