namespace LakeFs.Actions.Cli;

/// <summary>
/// The embedded demo server's clock: another clock whose "now" is held at the start of the current UTC day.
/// The demo data is dated back from "now" and its run ids derive from those dates, so every invocation on
/// the same day sees the same run ids: a run id printed by <c>list</c> works with the next <c>view</c>.
/// Timers and timestamps are the underlying clock's.
/// </summary>
internal sealed class DemoClock : TimeProvider
{
    private readonly TimeProvider _inner;

    public DemoClock(TimeProvider inner) => _inner = inner;

    public override DateTimeOffset GetUtcNow()
    {
        var now = _inner.GetUtcNow();
        return new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
    }

    public override long GetTimestamp() => _inner.GetTimestamp();

    public override long TimestampFrequency => _inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _inner.CreateTimer(callback, state, dueTime, period);
}
