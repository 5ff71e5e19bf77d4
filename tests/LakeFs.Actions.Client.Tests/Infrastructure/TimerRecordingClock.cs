using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace LakeFs.Actions.Client.Tests.Infrastructure;

/// <summary>
/// A fake clock that reports every timer created on it (retry delays, poll intervals, timeouts), so a
/// test can advance virtual time exactly when the code under test starts waiting, and read the delays asked for.
/// </summary>
internal sealed class TimerRecordingClock : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _created = Channel.CreateUnbounded<TimeSpan>();
    private readonly List<TimeSpan> _delays = [];

    public TimerRecordingClock()
        : base(new DateTimeOffset(2026, 7, 23, 12, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>The due times of every timer created so far, in creation order.</summary>
    public IReadOnlyList<TimeSpan> Delays
    {
        get
        {
            lock (_delays)
            {
                return [.. _delays];
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new RecordingTimer(this, base.CreateTimer(callback, state, dueTime, period));
        Record(dueTime);
        return timer;
    }

    /// <summary>A timer started (or restarted with <see cref="ITimer.Change"/>, as CancelAfter does) to fire after <paramref name="dueTime"/>.</summary>
    private void Record(TimeSpan dueTime)
    {
        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        lock (_delays)
        {
            _delays.Add(dueTime);
        }

        _created.Writer.TryWrite(dueTime);
    }

    /// <summary>Waits until the next timer is created and returns its due time (without advancing).</summary>
    public Task<TimeSpan> NextTimerAsync(CancellationToken cancellationToken = default) => _created.Reader.ReadAsync(cancellationToken).AsTask();

    /// <summary>
    /// Runs <paramref name="task"/> to completion, advancing the clock by each timer's due time as soon as
    /// the timer is created (when <paramref name="advanceFor"/> accepts it). No real time passes in waits.
    /// </summary>
    public async Task<T> DriveAsync<T>(Task<T> task, Func<TimeSpan, bool>? advanceFor = null)
    {
        await DriveAsync((Task)task, advanceFor);
        return await task;
    }

    /// <inheritdoc cref="DriveAsync(Task, Func{TimeSpan, Task{bool}})"/>
    public async Task<T> DriveAsync<T>(Task<T> task, Func<TimeSpan, Task<bool>> beforeAdvance)
    {
        await DriveAsync((Task)task, beforeAdvance);
        return await task;
    }

    /// <inheritdoc cref="DriveAsync{T}(Task{T}, Func{TimeSpan, bool}?)"/>
    public Task DriveAsync(Task task, Func<TimeSpan, bool>? advanceFor = null) =>
        DriveAsync(task, due => Task.FromResult(advanceFor is null || advanceFor(due)));

    /// <summary>
    /// Like <see cref="DriveAsync{T}(Task{T}, Func{TimeSpan, bool}?)"/>, but <paramref name="beforeAdvance"/> may
    /// wait for something (e.g. the server holding a request) before saying whether to advance.
    /// </summary>
    public async Task DriveAsync(Task task, Func<TimeSpan, Task<bool>> beforeAdvance)
    {
        // The pending read is cancelled when the task ends, so that it does not swallow a timer of a later drive.
        using var done = new CancellationTokenSource();
        var next = NextTimerAsync(done.Token);
        while (true)
        {
            if (await Task.WhenAny(task, next) == task)
            {
                await done.CancelAsync();
                await task;
                return;
            }

            var due = await next;
            next = NextTimerAsync(done.Token);
            if (await beforeAdvance(due))
            {
                Advance(due);
            }
        }
    }

    private sealed class RecordingTimer(TimerRecordingClock clock, ITimer inner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            clock.Record(dueTime);
            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
