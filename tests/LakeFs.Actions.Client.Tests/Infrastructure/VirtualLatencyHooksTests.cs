using Microsoft.Extensions.Time.Testing;

namespace LakeFs.Actions.Client.Tests.Infrastructure;

/// <summary>
/// The virtual-latency server itself: an advance made the moment a request is seen to arrive releases that request,
/// however late the request's own thread runs on. (With the deadline recorded before the request registered a timer
/// on the clock, an advance in between was lost to that timer and the request waited forever: the root of the
/// ConcurrentHookListingTests flake.)
/// </summary>
public class VirtualLatencyHooksTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task An_advance_made_before_the_request_thread_runs_on_still_releases_the_request()
    {
        using var clock = new DescheduledTimerClock();
        var latency = TimeSpan.FromMilliseconds(20);
        var server = new VirtualLatencyHooks(clock, latency);
        using var invoker = new HttpMessageInvoker(server);
        var start = clock.GetUtcNow();

        for (var i = 1; i <= 3; i++)
        {
            clock.Resume.Reset();
            var answer = Task.Run(() => invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"http://lakefs.test/api/v1/repositories/r/actions/runs/run-{i}/hooks"), CancellationToken.None));
            await server.WaitForArrivalsAsync(i).WaitAsync(HangGuard);
            Assert.Equal(1, server.AdvanceToNextDeadline());
            clock.Resume.Set(); // the request's thread runs on only now, after the advance

            using var response = await answer.WaitAsync(HangGuard);
            Assert.True(response.IsSuccessStatusCode);
        }

        Assert.Equal(latency * 3, clock.GetUtcNow() - start);
        Assert.Equal(0, server.InFlight);
    }

    /// <summary>A clock whose timers are registered only once <see cref="Resume"/> is set: a thread descheduled at the worst moment.</summary>
    private sealed class DescheduledTimerClock : FakeTimeProvider, IDisposable
    {
        public DescheduledTimerClock()
            : base(new DateTimeOffset(2026, 7, 23, 10, 0, 0, TimeSpan.Zero))
        {
        }

        public ManualResetEventSlim Resume { get; } = new();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Resume.Wait(HangGuard);
            return base.CreateTimer(callback, state, dueTime, period);
        }

        public void Dispose() => Resume.Dispose();
    }
}
