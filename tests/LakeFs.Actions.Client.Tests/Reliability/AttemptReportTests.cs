using System.Net;

namespace LakeFs.Actions.Client.Tests.Reliability;

/// <summary>
/// What an error says about its attempts: "gave up after N attempts" only when the last answer was itself worth
/// repeating (the retries ran out); when the last answer was final (a 404 after a 503), it says what the earlier
/// attempts got instead. And the repositories client's interface is disposable, like the class.
/// </summary>
public sealed class AttemptReportTests
{
    private static LakeFsRepositoriesClient Client(InMemoryTransport transport) => new(
        new LakeFsClientOptions
        {
            Endpoint = new Uri("https://lakefs.example.com/"),
            AccessKeyId = "AKIAATTEMPTS",
            SecretAccessKey = "attempts-secret",
            Retry = { MaxRetries = 2, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero },
        },
        transport);

    private static InMemoryTransport Answers(params int[] statuses)
    {
        var next = -1;
        return new InMemoryTransport(_ =>
        {
            var status = statuses[Math.Min(Interlocked.Increment(ref next), statuses.Length - 1)];
            return InMemoryTransport.Json("""{"message":"status"}""", (HttpStatusCode)status);
        });
    }

    [Fact]
    public async Task A_404_after_a_503_says_what_the_earlier_attempt_got_not_that_the_client_gave_up()
    {
        using var transport = Answers(503, 404);
        using var client = Client(transport);

        var error = await Assert.ThrowsAsync<LakeFsApiException>(() => client.GetRepositoryAsync("repo"));

        Assert.Equal(404, error.StatusCode);
        Assert.Equal(2, error.Attempts);
        Assert.DoesNotContain("Gave up", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("This was the answer to attempt 2; the earlier attempts got: HTTP 503.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_412_after_a_500_and_a_502_lists_both()
    {
        using var transport = Answers(500, 502, 412);
        using var client = Client(transport);

        var error = await Assert.ThrowsAsync<LakeFsApiException>(() => client.SetGCRulesAsync("repo", new GarbageCollectionRules { DefaultRetentionDays = 7 }));

        Assert.Equal(412, error.StatusCode);
        Assert.Equal(3, error.Attempts);
        Assert.DoesNotContain("Gave up", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("the earlier attempts got: HTTP 500, HTTP 502.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_503_on_the_last_attempt_is_giving_up()
    {
        using var transport = Answers(503, 503, 503);
        using var client = Client(transport);

        var error = await Assert.ThrowsAsync<LakeFsApiException>(() => client.GetRepositoryAsync("repo"));

        Assert.Equal(3, error.Attempts);
        Assert.Contains("Gave up after 3 attempts (the server kept throttling the requests).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_repositories_client_interface_is_disposable()
    {
        Assert.True(typeof(IDisposable).IsAssignableFrom(typeof(ILakeFsRepositoriesClient)));
        using var transport = Answers(200);
        ILakeFsRepositoriesClient client = Client(transport);
        client.Dispose();
    }
}
