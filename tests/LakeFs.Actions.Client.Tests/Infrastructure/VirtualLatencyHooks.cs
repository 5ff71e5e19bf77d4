using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace LakeFs.Actions.Client.Tests.Infrastructure;

/// <summary>
/// Serves <c>GET .../actions/runs/{run_id}/hooks</c> (two hooks per run, named after the run) after a latency on a
/// <see cref="FakeTimeProvider"/>: a request is answered only when the test advances the clock past its deadline.
/// Counts the requests started and in flight, and the most ever in flight at once.
/// </summary>
internal sealed class VirtualLatencyHooks(FakeTimeProvider clock, TimeSpan latency) : HttpMessageHandler
{
    private readonly object _gate = new();
    private readonly List<DateTimeOffset> _deadlines = [];
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
        DateTimeOffset next;
        lock (_gate)
        {
            if (_deadlines.Count == 0)
            {
                return 0;
            }

            next = _deadlines.Min();
        }

        var now = clock.GetUtcNow();
        if (next > now)
        {
            clock.Advance(next - now);
        }

        lock (_gate)
        {
            return _deadlines.RemoveAll(d => d <= next);
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // /api/v1/repositories/{repository}/actions/runs/{run_id}/hooks
        var segments = request.RequestUri!.AbsolutePath.Split('/');
        var runId = Uri.UnescapeDataString(segments[^2]);
        lock (_gate)
        {
            _started++;
            _inFlight++;
            _maxInFlight = Math.Max(_maxInFlight, _inFlight);
            _deadlines.Add(clock.GetUtcNow() + latency);
            if (_arrivals is not null && _started >= _arrivalTarget)
            {
                _arrivals.TrySetResult();
                _arrivals = null;
            }
        }

        try
        {
            await Task.Delay(latency, clock, cancellationToken);
        }
        finally
        {
            lock (_gate)
            {
                _inFlight--;
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
