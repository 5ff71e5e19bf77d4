using System.Net;
using System.Text;
using LakeFs.Actions.Client.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LakeFs.Actions.Client.Tests.Reliability;

/// <summary>
/// With logging at Trace, a run full of failures leaves no secret access key, bearer token or Authorization
/// header value in the logs, in any exception or in the options' text; and Basic credentials over plain http
/// to a remote host give one warning per client.
/// </summary>
public sealed class SecretLeakTests
{
    private const string Secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private const string Token = "eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXRva2Vu.c2lnbmF0dXJl";

    private static readonly string BasicValue = Convert.ToBase64String(Encoding.UTF8.GetBytes("AKIAIOSFODNN7EXAMPLE:" + Secret));

    private static readonly string[] Forbidden = [Secret, Token, BasicValue, "Basic " + BasicValue, "Bearer " + Token, "K7MDENG", "c2VjcmV0LXRva2Vu"];

    private static LakeFsRetryOptions FastRetries => new() { MaxRetries = 5, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.FromMilliseconds(1) };

    private static void AssertClean(string what, string? text)
    {
        foreach (var secret in Forbidden)
        {
            Assert.False(text?.Contains(secret, StringComparison.Ordinal) == true, $"{what} contains a secret ('{secret[..6]}...'):\n{text}");
        }
    }

    /// <summary>Throttling, dropped connections, a 500, a malformed body and finally a rejected credential.</summary>
    private static async Task<List<Exception>> FailInEveryWay(LakeFsActionsEmulator emulator, ILakeFsActionsClient client, ILakeFsRepositoriesClient repositories)
    {
        var errors = new List<Exception>();
        emulator.Faults.Enqueue(EmulatorFault.Throttle(429, TimeSpan.FromSeconds(1)));
        emulator.Faults.Enqueue(EmulatorFault.Throttle(503));
        emulator.Faults.Enqueue(EmulatorFault.DropConnection());
        emulator.Faults.Enqueue(EmulatorFault.DropMidResponse());
        emulator.Faults.Enqueue(EmulatorFault.ServerError("boom"));
        emulator.Faults.Enqueue(EmulatorFault.Throttle(420));
        errors.Add(await Assert.ThrowsAsync<LakeFsApiException>(() => repositories.GetRepositoryAsync(LakeFsActionsEmulator.DemoRepository)));
        emulator.Faults.Enqueue(EmulatorFault.MalformedJson());
        errors.Add(await Assert.ThrowsAsync<LakeFsApiException>(() => client.ListRunsAsync(LakeFsActionsEmulator.DemoRepository).ToListAsync().AsTask()));
        errors.Add(await Assert.ThrowsAsync<LakeFsApiException>(() => client.GetRunAsync(LakeFsActionsEmulator.DemoRepository, "no-such-run")));
        return errors;
    }

    public static TheoryData<string> Credentials() => ["basic", "bearer"];

    private static LakeFsClientOptions Options(LakeFsActionsEmulator emulator, string credentials) => credentials == "basic"
        ? new() { Endpoint = emulator.Endpoint, AccessKeyId = "AKIAIOSFODNN7EXAMPLE", SecretAccessKey = Secret, Retry = FastRetries }
        : new() { Endpoint = emulator.Endpoint, BearerToken = Token, Retry = FastRetries };

    [Theory]
    [MemberData(nameof(Credentials))]
    public async Task A_failing_run_logged_at_trace_leaks_no_secret(string credentials)
    {
        // The emulator accepts the Basic pair and rejects the token (a 401 that must not echo it either).
        await using var emulator = await LakeFsActionsEmulator.StartDemoAsync(new LakeFsEmulatorOptions { SecretAccessKey = Secret });
        var log = new CapturedLog();
        var options = Options(emulator, credentials);
        using var client = new LakeFsActionsClient(options, transport: null, loggerFactory: log);
        using var repositories = new LakeFsRepositoriesClient(options, transport: null, loggerFactory: log);

        var errors = await FailInEveryWay(emulator, client, repositories);

        Assert.Contains(log.Entries, e => e.Level == LogLevel.Warning && e.EventId.Id == 3);
        Assert.Contains(log.Entries, e => e.Level == LogLevel.Debug);
        Assert.True(emulator.TotalRequests >= 8);
        AssertClean("the log", log.FullText);
        foreach (var error in errors)
        {
            AssertClean("an exception message", error.Message);
            AssertClean("an exception", error.ToString());
        }

        AssertClean("the options", options.ToString());
        Assert.Contains("***", options.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Credentials))]
    public async Task A_failing_run_through_dependency_injection_logged_at_trace_leaks_no_secret(string credentials)
    {
        await using var emulator = await LakeFsActionsEmulator.StartDemoAsync(new LakeFsEmulatorOptions { SecretAccessKey = Secret });
        var log = new CapturedLog();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(log));
        var configured = Options(emulator, credentials);
        services.AddLakeFsActionsClient(options =>
        {
            options.Endpoint = configured.Endpoint;
            options.AccessKeyId = configured.AccessKeyId;
            options.SecretAccessKey = configured.SecretAccessKey;
            options.BearerToken = configured.BearerToken;
            options.Retry = FastRetries;
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<ILakeFsActionsClient>();
        var repositories = provider.GetRequiredService<ILakeFsRepositoriesClient>();

        var errors = await FailInEveryWay(emulator, client, repositories);

        // The HTTP client factory's own handlers log request headers at Trace: the Authorization value must be redacted.
        Assert.Contains(log.Entries, e => e.Category.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal) && e.Level == LogLevel.Trace);
        Assert.Contains(log.Entries, e => e.Message.Contains("Authorization", StringComparison.Ordinal));
        AssertClean("the log", log.FullText);
        foreach (var error in errors)
        {
            AssertClean("an exception", error.ToString());
        }
    }

    [Theory]
    [InlineData("Basic")]
    [InlineData("Bearer")]
    public async Task Credentials_over_plain_http_to_a_remote_host_give_one_warning_per_client(string scheme)
    {
        var log = new CapturedLog();
        using var transport = new InMemoryTransport(_ => InMemoryTransport.Json("""{"id":"repo","creation_date":1,"default_branch":"main","storage_namespace":"s3://b"}"""));
        var options = scheme == "Basic"
            ? new LakeFsClientOptions { Endpoint = new Uri("http://lakefs.example.com"), AccessKeyId = "AKIAIOSFODNN7EXAMPLE", SecretAccessKey = Secret }
            : new LakeFsClientOptions { Endpoint = new Uri("http://lakefs.example.com"), BearerToken = Token };

        using (var client = new LakeFsRepositoriesClient(options, transport, log))
        {
            for (var i = 0; i < 3; i++)
            {
                await client.GetRepositoryAsync("repo");
            }
        }

        var warning = Assert.Single(log.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("lakefs.example.com", warning.Message, StringComparison.Ordinal);
        Assert.Contains(scheme, warning.Message, StringComparison.Ordinal);
        Assert.Contains("https", warning.Message, StringComparison.Ordinal);
        AssertClean("the warning", warning.ToString());
        Assert.Equal(3, transport.Requests);

        using var second = new LakeFsRepositoriesClient(options, transport, log);
        Assert.Equal(2, log.Entries.Count(e => e.Level == LogLevel.Warning));
    }

    [Theory]
    [InlineData("https://lakefs.example.com", "basic")]
    [InlineData("http://127.0.0.1:8000", "basic")]
    [InlineData("http://localhost:8000", "basic")]
    [InlineData("http://[::1]:8000", "basic")]
    [InlineData("https://lakefs.example.com", "bearer")]
    [InlineData("http://127.0.0.1:8000", "bearer")]
    [InlineData("http://lakefs.example.com", "none")]
    public void No_warning_when_the_credentials_are_not_exposed(string endpoint, string credentials)
    {
        var log = new CapturedLog();
        using var transport = new InMemoryTransport(_ => new HttpResponseMessage(HttpStatusCode.OK));
        var options = new LakeFsClientOptions { Endpoint = new Uri(endpoint) };
        if (credentials == "basic")
        {
            options.AccessKeyId = "AKIAIOSFODNN7EXAMPLE";
            options.SecretAccessKey = Secret;
        }
        else if (credentials == "bearer")
        {
            options.BearerToken = Token;
        }

        using var client = new LakeFsActionsClient(options, transport, log);

        Assert.DoesNotContain(log.Entries, e => e.Level >= LogLevel.Warning);
    }
}
