namespace LakeFs.Actions.Client.Testing;

/// <summary>
/// A clock whose "now" is held at the start of the current UTC day of another clock; its timers and timestamps
/// are the other clock's. The demo data of <see cref="LakeFsActionsEmulator.SeedDemo"/> is dated back from "now"
/// and its run ids derive from those dates, so a demo server started with this clock shows the same run ids all
/// day: a run id printed by one program (or one invocation) works with the next.
/// </summary>
public sealed class StartOfDayClock : TimeProvider
{
    private readonly TimeProvider _inner;

    /// <summary>Creates the clock.</summary>
    /// <param name="inner">The clock whose day is used, and whose timers and timestamps are passed through.</param>
    public StartOfDayClock(TimeProvider inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
    }

    /// <summary>Midnight UTC of the inner clock's current day.</summary>
    /// <returns>The start of the day.</returns>
    public override DateTimeOffset GetUtcNow() => new(_inner.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);

    /// <inheritdoc />
    public override long GetTimestamp() => _inner.GetTimestamp();

    /// <inheritdoc />
    public override long TimestampFrequency => _inner.TimestampFrequency;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _inner.CreateTimer(callback, state, dueTime, period);
}
