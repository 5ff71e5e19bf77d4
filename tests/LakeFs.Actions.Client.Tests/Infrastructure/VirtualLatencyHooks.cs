using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace LakeFs.Actions.Client.Tests.Infrastructure;

/// <summary>
/// Serves <c>GET .../actions/runs/{run_id}/hooks</c> (two hooks per run, named after the run) after a latency on a
/// <see cref="FakeTimeProvider"/>: a request is answered only when the test advances the clock past its deadline.
/// Counts the requests started and in flight, and the most ever in flight at once.
/// </summary>
/// <remarks>
/// A request's deadline and its release are one record, written under the same lock as every clock advance made
/// through <see cref="AdvanceToNextDeadline"/>: a request reads "now" either before or after an advance, never in
/// between, and it is released by the advance that reaches its deadline. (Awaiting <c>Task.Delay(latency, clock)</c>
/// after recording the deadline left a gap: an advance made in between was lost to the timer, which then waited
/// for a deadline the test had already passed.)
/// </remarks>
internal sealed class VirtualLatencyHooks(FakeTimeProvider clock, TimeSpan latency) : HttpMessageHandler
{
    private readonly object _gate = new();
    private readonly List<(DateTimeOffset Deadline, TaskCompletionSource Release)> _pending = [];
    private int _started;
    private int _inFlight;
    private int _maxInFlight;
    private int _arrivalTarget;
    private TaskCompletionSource? _arrivals;

    /// <summary>Runs whose hooks answer 404 instead.</summary>
    public HashSet<string> Missing { get; } = [];

    public int Started
    {
        get
        {
            lock (_gate)
            {
                return _started;
            }
        }
    }

    public int InFlight
    {
        get
        {
            lock (_gate)
            {
                return _inFlight;
            }
        }
    }

    public int MaxInFlight
    {
        get
        {
            lock (_gate)
            {
                return _maxInFlight;
            }
        }
    }

    /// <summary>Completes once <paramref name="count"/> requests have arrived in all.</summary>
    public Task WaitForArrivalsAsync(int count)
    {
        lock (_gate)
        {
            if (_started >= count)
            {
                return Task.CompletedTask;
            }

            _arrivalTarget = count;
            _arrivals = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _arrivals.Task;
        }
    }

    /// <summary>Advances the clock to the earliest pending deadline; returns how many requests that releases (0 when none is pending).</summary>
    public int AdvanceToNextDeadline()
    {
        List<TaskCompletionSource> released;
        lock (_gate)
        {
            if (_pending.Count == 0)
            {
                return 0;
            }

            var next = _pending.Min(p => p.Deadline);
            var now = clock.GetUtcNow();
            if (next > now)
            {
                clock.Advance(next - now);
            }

            released = [.. _pending.Where(p => p.Deadline <= next).Select(p => p.Release)];
            _pending.RemoveAll(p => p.Deadline <= next);
        }

        foreach (var release in released)
        {
            release.TrySetResult();
        }

        return released.Count;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // /api/v1/repositories/{repository}/actions/runs/{run_id}/hooks
        var segments = request.RequestUri!.AbsolutePath.Split('/');
        var runId = Uri.UnescapeDataString(segments[^2]);
        // Answered at once when there is no latency (nothing to advance for), otherwise by the advance that reaches the deadline.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (latency <= TimeSpan.Zero)
        {
            release.TrySetResult();
        }

        lock (_gate)
        {
            _started++;
            _inFlight++;
            _maxInFlight = Math.Max(_maxInFlight, _inFlight);
            if (latency > TimeSpan.Zero)
            {
                _pending.Add((clock.GetUtcNow() + latency, release));
            }

            if (_arrivals is not null && _started >= _arrivalTarget)
            {
                _arrivals.TrySetResult();
                _arrivals = null;
            }
        }

        try
        {
            using (cancellationToken.Register(() => release.TrySetCanceled(cancellationToken)))
            {
                await release.Task;
            }
        }
        finally
        {
            lock (_gate)
            {
                _inFlight--;
                _pending.RemoveAll(p => p.Release == release);
            }
        }

        if (Missing.Contains(runId))
        {
            return Json(HttpStatusCode.NotFound, """{"message":"run not found"}""", request);
        }

        return Json(HttpStatusCode.OK, $$"""
            {"pagination":{"has_more":false,"next_offset":"","results":2,"max_per_page":1000},
             "results":[
               {"hook_run_id":"0000_0000","action":"{{runId}}","hook_id":"check","start_time":"2026-07-23T10:15:30Z","end_time":"2026-07-23T10:15:31Z","status":"completed"},
               {"hook_run_id":"0000_0001","action":"{{runId}}","hook_id":"notify","start_time":"0001-01-01T00:00:00Z","status":"skipped"}]}
            """, request);
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string body, HttpRequestMessage request) => new(status)
    {
        Content = new StringContent(body, Encoding.UTF8, "application/json"),
        RequestMessage = request,
    };
}
