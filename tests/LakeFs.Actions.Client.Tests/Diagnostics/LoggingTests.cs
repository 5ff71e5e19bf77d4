using System.Text;
using LakeFs.Actions.Client.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static LakeFs.Actions.Client.Tests.Infrastructure.LakeFsBodies;
using static LakeFs.Actions.Client.Tests.Infrastructure.WireMockLakeFs;

namespace LakeFs.Actions.Client.Tests.Diagnostics;

/// <summary>Requests are logged at Debug, retries at Warning, and no credential is ever logged.</summary>
public sealed class LoggingTests : IDisposable
{
    private const string Token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2lnbmF0dXJlLXNlY3JldA";
    private readonly WireMockLakeFs _lakeFs = new();
    private readonly CapturingLoggerProvider _logs = new();
    private readonly ILoggerFactory _loggerFactory;
    private readonly TimerRecordingClock _clock = new();

    public LoggingTests() =>
        _loggerFactory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(_logs));

    public void Dispose()
    {
        _loggerFactory.Dispose();
        _lakeFs.Dispose();
    }

    private LakeFsActionsClient Client(Action<LakeFsClientOptions>? configure = null) => _lakeFs.Client(
        o =>
        {
            (o.Timeout, o.Retry.MaxRetries) = (Timeout.InfiniteTimeSpan, 3);
            configure?.Invoke(o);
        },
        _clock,
        _loggerFactory);

    private LakeFsRepositoriesClient RepositoriesClient(Action<LakeFsClientOptions>? configure = null) => _lakeFs.RepositoriesClient(
        o =>
        {
            (o.Timeout, o.Retry.MaxRetries) = (Timeout.InfiniteTimeSpan, 3);
            configure?.Invoke(o);
        },
        _clock,
        _loggerFactory);

    [Fact]
    public async Task Each_request_is_logged_at_debug_with_method_route_template_status_and_duration()
    {
        _lakeFs.Json("/repositories/repo/actions/runs/r1", Run("r1").ToString());
        using var client = Client();

        await client.GetRunAsync("repo", "r1");

        var entry = Assert.Single(_logs.Entries, e => e.Level == LogLevel.Debug);
        Assert.Equal("GET", entry.Values["Method"]);
        Assert.Equal("/repositories/{repository}/actions/runs/{run_id}", entry.Values["Route"]);
        Assert.Equal(200, entry.Values["StatusCode"]);
        Assert.IsType<double>(entry.Values["ElapsedMilliseconds"]);
        Assert.Contains("GET /repositories/{repository}/actions/runs/{run_id} answered 200 in", entry.Message, StringComparison.Ordinal);
        Assert.Equal(typeof(LakeFsActionsClient).FullName, entry.Category);
    }

    [Fact]
    public async Task Each_retry_is_logged_at_warning_with_attempt_delay_status_and_reason()
    {
        _lakeFs.Sequence(
            "/repositories/busy",
            JsonResponse(429, Error("too many requests"), ("Retry-After", "4")),
            JsonResponse(503, Error("Throughput exceeded"), ("Retry-After", "9")),
            JsonResponse(200, Repository("busy").ToString()));
        using var client = RepositoriesClient();

        await _clock.DriveAsync(client.GetRepositoryAsync("busy"));

        var retries = _logs.Entries.Where(e => e.Level == LogLevel.Warning).ToList();
        Assert.Equal(2, retries.Count);
        Assert.Equal([1, 2], retries.Select(e => e.Values["Attempt"]));
        Assert.Equal([4000.0, 9000.0], retries.Select(e => e.Values["DelayMilliseconds"]));
        Assert.Equal([429, 503], retries.Select(e => e.Values["StatusCode"]));
        Assert.All(retries, e => Assert.Equal("getRepository", e.Values["Operation"]));
        Assert.Contains("throttling", (string)retries[0].Values["Reason"]!, StringComparison.Ordinal);
        Assert.Contains("attempt 1 failed", retries[0].Message, StringComparison.Ordinal);
        Assert.Contains("retrying in 4000 ms", retries[0].Message, StringComparison.Ordinal);
        Assert.Equal(3, _logs.Entries.Count(e => e.Level == LogLevel.Debug));
    }

    [Fact]
    public async Task No_secret_key_token_or_authorization_value_is_logged_at_trace_level()
    {
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(AccessKeyId + ":" + SecretAccessKey));
        _lakeFs.Sequence("/repositories/repo", JsonResponse(429, Error("slow down")), JsonResponse(401, Error("error authenticating request")));
        _lakeFs.Json("/repositories/repo/actions/runs", RunPage(false, "r1"));

        using (var withKeys = Client())
        {
            await withKeys.ListRunsAsync("repo").ToListAsync();
            using var repositories = RepositoriesClient();
            await Assert.ThrowsAsync<LakeFsApiException>(() => _clock.DriveAsync(repositories.GetRepositoryAsync("repo")));
        }

        using (var withToken = Client(o => (o.AccessKeyId, o.SecretAccessKey, o.BearerToken) = (null, null, Token)))
        {
            await withToken.ListRunsAsync("repo").ToListAsync();
        }

        // Through dependency injection, IHttpClientFactory's own handlers log too (headers at Trace).
        var services = new ServiceCollection();
        services.AddLogging(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(_logs));
        services.AddLakeFsActionsClient(o => (o.Endpoint, o.AccessKeyId, o.SecretAccessKey) = (_lakeFs.Endpoint, AccessKeyId, SecretAccessKey));
        await using (var provider = services.BuildServiceProvider())
        {
            await provider.GetRequiredService<ILakeFsActionsClient>().ListRunsAsync("repo").ToListAsync();
        }

        var text = _logs.AllText;
        Assert.Contains("Authorization", text, StringComparison.Ordinal); // the factory's Trace log of headers ran
        Assert.Contains(LogLevel.Warning, _logs.Entries.Select(e => e.Level));
        Assert.DoesNotContain(SecretAccessKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(basic, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
        Assert.DoesNotContain("c2lnbmF0dXJlLXNlY3JldA", text, StringComparison.Ordinal);
    }
}
