using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace LakeFs.Actions.Client.Testing.Tests;

/// <summary>Faults: queued, scheduled by request number or drawn from a seed; throttling, errors, latency, drops, malformed bodies.</summary>
public sealed class FaultInjectionTests
{
    private const string Runs = "api/v1/repositories/repo/actions/runs";

    [Theory]
    [InlineData(420, "too many requests", 0, null)]
    [InlineData(429, "Too Many Requests", 0, null)]
    [InlineData(503, "Throughput exceeded. Slow down and retry", 0, null)]
    [InlineData(420, "too many requests", 1500, "2")]
    [InlineData(429, "Too Many Requests", 1000, "1")]
    [InlineData(503, "Throughput exceeded. Slow down and retry", 30_000, "30")]
    public async Task Throttling_answers_the_status_with_a_message_body_and_retry_after_only_when_configured(
        int status, string expectedMessage, int retryAfterMilliseconds, string? expectedRetryAfter)
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        using var http = lakeFs.CreateHttpClient();
        TimeSpan? retryAfter = retryAfterMilliseconds > 0 ? TimeSpan.FromMilliseconds(retryAfterMilliseconds) : null;
        lakeFs.Faults.Enqueue(EmulatorFault.Throttle(status, retryAfter));

        using var response = await http.GetAsync(Runs);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expectedMessage, await MessageAsync(response));
        if (expectedRetryAfter is null)
        {
            Assert.False(response.Headers.Contains("Retry-After"));
        }
        else
        {
            Assert.Equal(expectedRetryAfter, Assert.Single(response.Headers.GetValues("Retry-After")));
        }

        using var next = await http.GetAsync(Runs);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public void Throttling_status_must_be_420_429_or_503()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EmulatorFault.Throttle(500));
        Assert.Throws<ArgumentOutOfRangeException>(() => EmulatorFault.Throttle(429, TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public async Task Server_error_is_500_with_a_message()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        using var http = lakeFs.CreateHttpClient();
        lakeFs.Faults.Enqueue(EmulatorFault.ServerError("kv store unavailable"));

        Assert.Equal("kv store unavailable", await Api.GetErrorAsync(http, Runs, HttpStatusCode.InternalServerError));
    }

    [Fact]
    public async Task A_fault_enqueued_n_times_hits_the_next_n_requests_only()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        using var http = lakeFs.CreateHttpClient();
        lakeFs.Faults.Enqueue(EmulatorFault.Throttle(503), times: 2);
        Assert.Equal(2, lakeFs.Faults.PendingCount);

        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await http.GetAsync(Runs);
            statuses.Add((int)response.StatusCode);
        }

        Assert.Equal([503, 503, 200], statuses);
        Assert.Equal(0, lakeFs.Faults.PendingCount);
    }

    [Fact]
    public async Task A_fault_for_one_operation_waits_for_a_request_of_that_operation()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        var runId = lakeFs.AddRun(Api.Repo, "main", "c1", "pre-commit");
        using var http = lakeFs.CreateHttpClient();
        lakeFs.Faults.Enqueue(EmulatorFault.Throttle(429).ForOperation(EmulatorOperations.GetRun));

        using (var list = await http.GetAsync(Runs))
        {
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        }

        Assert.Equal(1, lakeFs.Faults.PendingCount);
        using var get = await http.GetAsync($"{Runs}/{runId}");
        Assert.Equal(HttpStatusCode.TooManyRequests, get.StatusCode);
        Assert.Throws<ArgumentException>(() => EmulatorFault.Throttle().ForOperation("revertBranch"));
    }

    [Fact]
    public async Task Latency_waits_on_the_emulator_clock_while_other_requests_are_answered()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));
        await using var lakeFs = await Api.StartWithRepositoryAsync(new LakeFsEmulatorOptions { TimeProvider = clock });
        using var http = lakeFs.CreateHttpClient();
        var delayStarted = new TaskCompletionSource<FaultInjectedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        lakeFs.Faults.Injected += (_, e) => delayStarted.TrySetResult(e);
        lakeFs.Faults.Enqueue(EmulatorFault.Latency(TimeSpan.FromMinutes(5)).ForOperation(EmulatorOperations.ListRepositoryRuns));

        var slow = http.GetAsync(Runs);
        var injected = await delayStarted.Task;
        Assert.Equal(EmulatorFaultKind.Latency, injected.Fault.Kind);

        using (var fast = await http.GetAsync("api/v1/repositories/repo"))
        {
            Assert.Equal(HttpStatusCode.OK, fast.StatusCode);
        }

        clock.Advance(TimeSpan.FromMinutes(4));
        Assert.False(slow.IsCompleted);

        clock.Advance(TimeSpan.FromMinutes(1));
        using var delayed = await slow;
        Assert.Equal(HttpStatusCode.OK, delayed.StatusCode);
        Assert.Equal(1, lakeFs.Faults.InjectedCountOf(EmulatorFaultKind.Latency));
    }

    [Fact]
    public async Task Disposing_drops_a_request_still_waiting_out_its_latency()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));
        var lakeFs = await Api.StartWithRepositoryAsync(new LakeFsEmulatorOptions { TimeProvider = clock });
        using var http = lakeFs.CreateHttpClient();
        var delayStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lakeFs.Faults.Injected += (_, _) => delayStarted.TrySetResult();
        lakeFs.Faults.Enqueue(EmulatorFault.Latency(TimeSpan.FromHours(1)));

        using var request = Api.FreshGet(Runs);
        var waiting = http.SendAsync(request);
        await delayStarted.Task;
        await lakeFs.DisposeAsync();

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => waiting);
    }

    [Fact]
    public async Task Dropped_connection_fails_the_request_before_any_response()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        using var http = lakeFs.CreateHttpClient();
        lakeFs.Faults.Enqueue(EmulatorFault.DropConnection());

        using var request = Api.FreshGet(Runs);
        await Assert.ThrowsAsync<HttpRequestException>(() => http.SendAsync(request));

        using var next = await http.GetAsync(Runs);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal(1, lakeFs.Faults.InjectedCountOf(EmulatorFaultKind.DropConnection));
    }

    [Fact]
    public async Task Drop_mid_response_sends_the_headers_then_cuts_the_body()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        lakeFs.AddRuns(Api.Repo, 20);
        using var http = lakeFs.CreateHttpClient();
        lakeFs.Faults.Enqueue(EmulatorFault.DropMidResponse());

        using var request = Api.FreshGet(Runs);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Contains("X-Request-ID"));
        var declared = response.Content.Headers.ContentLength;
        await using var body = await response.Content.ReadAsStreamAsync();

        var received = 0L;
        var error = await Record.ExceptionAsync(async () =>
        {
            var buffer = new byte[4096];
            int read;
            while ((read = await body.ReadAsync(buffer)) > 0)
            {
                received += read;
            }
        });

        Assert.True(error is HttpRequestException or IOException, error?.ToString() ?? "the body was read whole");
        Assert.InRange(received, 1, declared!.Value - 1);
    }

    [Fact]
    public async Task Malformed_json_is_a_complete_200_json_response_that_does_not_parse()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        lakeFs.AddRuns(Api.Repo, 3);
        using var http = lakeFs.CreateHttpClient();
        lakeFs.Faults.Enqueue(EmulatorFault.MalformedJson());

        using var response = await http.GetAsync(Runs);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty(body);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
    }

    [Fact]
    public async Task Schedule_at_hits_exactly_the_request_with_that_number()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        using var http = lakeFs.CreateHttpClient();
        var hitRequests = new List<long>();
        lakeFs.Faults.Injected += (_, e) => hitRequests.Add(e.Request.Number);
        lakeFs.Faults.ScheduleAt(lakeFs.TotalRequests + 2, EmulatorFault.Throttle(420));

        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await http.GetAsync(Runs);
            statuses.Add((int)response.StatusCode);
        }

        Assert.Equal([200, 420, 200], statuses);
        Assert.Equal([2L], hitRequests);
    }

    [Fact]
    public async Task A_scheduled_fault_for_another_operation_is_dropped_unused()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        using var http = lakeFs.CreateHttpClient();
        lakeFs.Faults.ScheduleAt(1, EmulatorFault.Throttle(429).ForOperation(EmulatorOperations.GetRepository));

        using (var list = await http.GetAsync(Runs))
        {
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        }

        using var get = await http.GetAsync("api/v1/repositories/repo");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(0, lakeFs.Faults.PendingCount);
        Assert.Equal(0, lakeFs.Faults.InjectedCount);
    }

    [Fact]
    public async Task A_scheduled_fault_comes_before_a_queued_one()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        using var http = lakeFs.CreateHttpClient();
        lakeFs.Faults.Enqueue(EmulatorFault.Throttle(429));
        lakeFs.Faults.ScheduleAt(1, EmulatorFault.Throttle(503));

        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await http.GetAsync(Runs);
            statuses.Add((int)response.StatusCode);
        }

        Assert.Equal([503, 429, 200], statuses);
    }

    [Fact]
    public async Task Faults_apply_before_authentication_like_a_proxy()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        using var anonymous = new HttpClient { BaseAddress = lakeFs.Endpoint };
        lakeFs.Faults.Enqueue(EmulatorFault.Throttle(429));

        Assert.Equal("Too Many Requests", await Api.GetErrorAsync(anonymous, Runs, HttpStatusCode.TooManyRequests));
        Assert.Equal("error authenticating request", await Api.GetErrorAsync(anonymous, Runs, HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_faults_and_another_seed_different_ones()
    {
        var first = await RandomOutcomesAsync(seed: 42);
        var again = await RandomOutcomesAsync(seed: 42);
        var other = await RandomOutcomesAsync(seed: 7);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Contains("200 ok", first);
        Assert.True(first.Distinct().Count() >= 4, string.Join(", ", first));
    }

    [Fact]
    public async Task Random_faults_can_be_limited_to_one_operation_and_cleared()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        using var http = lakeFs.CreateHttpClient();
        lakeFs.Faults.SetRandom(new RandomFaultSettings { Seed = 1, ThrottleRate = 1, Operation = EmulatorOperations.ListRepositoryRuns });

        using (var get = await http.GetAsync("api/v1/repositories/repo"))
        {
            Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        }

        using (var list = await http.GetAsync(Runs))
        {
            Assert.Contains((int)list.StatusCode, new[] { 420, 429, 503 });
        }

        lakeFs.Faults.ClearRandom();
        using var after = await http.GetAsync(Runs);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Throws<ArgumentOutOfRangeException>(() => lakeFs.Faults.SetRandom(new RandomFaultSettings { ThrottleRate = 0.6, MalformedJsonRate = 0.6 }));
    }

    [Fact]
    public async Task Clear_removes_queued_scheduled_and_random_faults_but_keeps_the_counts()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        using var http = lakeFs.CreateHttpClient();
        lakeFs.Faults.Enqueue(EmulatorFault.Throttle(429), times: 2);
        lakeFs.Faults.ScheduleAt(5, EmulatorFault.ServerError());
        lakeFs.Faults.SetRandom(seed: 3, throttleRate: 1);
        Assert.Equal(3, lakeFs.Faults.PendingCount);

        using (var throttled = await http.GetAsync(Runs))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        }

        lakeFs.Faults.Clear();

        Assert.Equal(0, lakeFs.Faults.PendingCount);
        for (var i = 0; i < 5; i++)
        {
            using var response = await http.GetAsync(Runs);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(1, lakeFs.Faults.InjectedCount);
        Assert.Equal(1, lakeFs.Faults.InjectedCountOf(EmulatorFaultKind.Throttle));
    }

    [Fact]
    public async Task Injected_reports_the_fault_and_the_request_it_hit()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        var runId = lakeFs.AddRun(Api.Repo, "main", "c1", "pre-commit");
        using var http = lakeFs.CreateHttpClient();
        var events = new List<FaultInjectedEventArgs>();
        lakeFs.Faults.Injected += (_, e) =>
        {
            lock (events)
            {
                events.Add(e);
            }
        };
        var fault = EmulatorFault.ServerError("boom");
        lakeFs.Faults.Enqueue(fault);

        using (var first = await http.GetAsync("api/v1/repositories/repo"))
        using (var second = await http.GetAsync($"{Runs}/{runId}"))
        {
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
            Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
            var injected = Assert.Single(events);
            Assert.Same(fault, injected.Fault);
            Assert.Equal(1, injected.Request.Number);
            Assert.Equal(EmulatorOperations.GetRepository, injected.Request.Operation);
            Assert.Equal(Assert.Single(first.Headers.GetValues("X-Request-ID")), injected.Request.RequestId);
        }

        Assert.Equal(1, lakeFs.Faults.InjectedCount);
        Assert.Equal(1, lakeFs.Faults.InjectedCountOf(EmulatorFaultKind.ServerError));
        Assert.Equal(0, lakeFs.Faults.InjectedCountOf(EmulatorFaultKind.Throttle));
    }

    /// <summary>What each of 40 sequential requests got from an emulator with seeded random faults.</summary>
    private static async Task<List<string>> RandomOutcomesAsync(int seed)
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        lakeFs.AddRuns(Api.Repo, 5);
        using var http = lakeFs.CreateHttpClient();
        lakeFs.Faults.SetRandom(new RandomFaultSettings
        {
            Seed = seed,
            ThrottleRate = 0.3,
            DropConnectionRate = 0.1,
            DropMidResponseRate = 0.05,
            MalformedJsonRate = 0.1,
            ServerErrorRate = 0.1,
        });

        var outcomes = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            using var request = Api.FreshGet(Runs);
            try
            {
                using var response = await http.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                var retryAfter = response.Headers.TryGetValues("Retry-After", out var values) ? " retry-after " + values.Single() : "";
                outcomes.Add($"{(int)response.StatusCode} {(IsJson(body) ? "ok" : "malformed")}{retryAfter}");
            }
            catch (HttpRequestException)
            {
                outcomes.Add("dropped");
            }
        }

        return outcomes;
    }

    private static bool IsJson(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static async Task<string?> MessageAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("message").GetString();
    }
}
