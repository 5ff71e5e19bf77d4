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
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _timers.Writer.TryWrite(dueTime);
        return timer;
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
}
