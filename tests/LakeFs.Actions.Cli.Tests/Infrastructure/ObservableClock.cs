using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace LakeFs.Actions.Cli.Tests.Infrastructure;

/// <summary>
/// A fake clock that also reports each timer created on it, so a test can wait until the CLI waits (for
/// its next poll, say) and only then move time on: virtual time, synchronised without sleeping.
/// </summary>
public sealed class ObservableClock : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public ObservableClock(DateTimeOffset start)
        : base(start)
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        // Reported only once the timer is registered: a test that advances as soon as it hears of the timer
        // can never advance before the timer exists (the advance would be lost to it).
        var timer = new ReportingTimer(this, base.CreateTimer(callback, state, dueTime, period));
        Report(dueTime);
        return timer;
    }

    private void Report(TimeSpan dueTime)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _timers.Writer.TryWrite(dueTime);
        }
    }

    /// <summary>Waits until a timer due in exactly <paramref name="dueTime"/> has been created (since the last wait).</summary>
    public async Task WaitForTimerAsync(TimeSpan dueTime, CancellationToken cancellationToken)
    {
        while (await _timers.Reader.ReadAsync(cancellationToken) != dueTime)
        {
        }
    }

    /// <summary>
    /// Each time a timer due in <paramref name="interval"/> is created, advances the clock by that much,
    /// until <paramref name="until"/> completes; the way a poll loop is driven in virtual time.
    /// </summary>
    public async Task AdvanceEachTimerUntilAsync(TimeSpan interval, Task until)
    {
        using var done = new CancellationTokenSource();
        _ = until.ContinueWith(_ => done.Cancel(), TaskScheduler.Default);
        try
        {
            while (!until.IsCompleted)
            {
                await WaitForTimerAsync(interval, done.Token);
                Advance(interval);
            }
        }
        catch (OperationCanceledException) when (until.IsCompleted)
        {
        }
    }

    /// <summary>Reports a restart of the timer (<see cref="ITimer.Change"/>, as CancelAfter does) after it took effect.</summary>
    private sealed class ReportingTimer(ObservableClock clock, ITimer inner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            clock.Report(dueTime);
            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
