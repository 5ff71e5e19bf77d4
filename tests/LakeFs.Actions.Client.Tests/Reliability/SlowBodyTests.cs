namespace LakeFs.Actions.Client.Tests.Reliability;

/// <summary>
/// Issue 12.1: a server that sends headers and then a body that trickles or never ends cannot make a call
/// hang or allocate without limit. The per-attempt timeout and the caller's token bound the body read (it is
/// asynchronous), and a JSON body past <see cref="LakeFsClientOptions.MaxResponseBodySize"/> is an error.
/// The servers are real sockets on loopback; the <see cref="Bound"/> only stops a test that would hang
/// without the fix, it is not a speed threshold.
/// </summary>
public sealed class SlowBodyTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private static LakeFsActionsClient Client(SlowBodyServer server, TimeSpan timeout, long? maxBody = null)
    {
        var options = new LakeFsClientOptions
        {
            Endpoint = server.Endpoint,
            Timeout = timeout,
            Retry = new LakeFsRetryOptions { MaxRetries = 0 },
        };
        if (maxBody is { } limit)
        {
            options.MaxResponseBodySize = limit;
        }

        return new LakeFsActionsClient(options);
    }

    private static LakeFsRepositoriesClient RepositoriesClient(SlowBodyServer server, TimeSpan timeout, long? maxBody = null)
    {
        var options = new LakeFsClientOptions
        {
            Endpoint = server.Endpoint,
            Timeout = timeout,
            Retry = new LakeFsRetryOptions { MaxRetries = 0 },
        };
        if (maxBody is { } limit)
        {
            options.MaxResponseBodySize = limit;
        }

        return new LakeFsRepositoriesClient(options);
    }

    [Fact]
    public async Task A_trickling_JSON_body_is_stopped_by_the_attempt_timeout()
    {
        await using var server = SlowBodyServer.Trickle();
        using var client = Client(server, TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAsync<LakeFsApiException>(() => client.GetRunAsync("repo", "run").WaitAsync(Bound));

        Assert.Equal(0, error.StatusCode);
        Assert.Contains("did not answer within", error.Message, StringComparison.Ordinal);
        Assert.Equal("getRun", error.Operation);
    }

    [Fact]
    public async Task A_trickling_JSON_body_of_a_listing_page_is_stopped_by_the_attempt_timeout()
    {
        await using var server = SlowBodyServer.Trickle();
        using var client = Client(server, TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAsync<LakeFsApiException>(() => client.ListRunsAsync("repo").ToListAsync().AsTask().WaitAsync(Bound));

        Assert.Contains("did not answer within", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_callers_token_cancels_a_trickling_JSON_body()
    {
        await using var server = SlowBodyServer.Trickle();
        using var client = RepositoriesClient(server, Timeout.InfiniteTimeSpan);
        using var cancellation = new CancellationTokenSource();

        var call = client.GetRepositoryAsync("repo", cancellation.Token);
        await server.HeadersSent.WaitAsync(Bound);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(Bound));
    }

    [Fact]
    public async Task An_endless_JSON_array_fails_at_the_size_limit()
    {
        await using var server = SlowBodyServer.EndlessArray();
        using var client = Client(server, Timeout.InfiniteTimeSpan, maxBody: 1024 * 1024);

        var error = await Assert.ThrowsAsync<LakeFsApiException>(() => client.ListRunsAsync("repo").ToListAsync().AsTask().WaitAsync(Bound));

        Assert.Equal(200, error.StatusCode);
        Assert.Contains("MaxResponseBodySize (1048576 bytes)", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.Attempts);
    }

    [Fact]
    public async Task A_declared_body_past_the_limit_is_refused_before_reading_it()
    {
        var transport = new InMemoryTransport(_ => InMemoryTransport.Json(new string(' ', 4096) + "{}"));
        using var client = new LakeFsRepositoriesClient(new LakeFsClientOptions { Endpoint = new Uri("http://lakefs.test/"), MaxResponseBodySize = 1024 }, transport);

        var error = await Assert.ThrowsAsync<LakeFsApiException>(() => client.GetRepositoryAsync("repo"));

        Assert.Contains("larger than MaxResponseBodySize (1024 bytes)", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, transport.Requests); // not retried: the next answer would be as large
    }

    [Fact]
    public async Task Reading_streamed_hook_output_honours_the_callers_token()
    {
        // No attempt timeout and no byte after the first line: only the caller's token can end the second read (a
        // 300 ms attempt timeout could expire on a loaded machine before the headers were read, and a trickled byte
        // could complete the read before the cancellation).
        await using var server = SlowBodyServer.Stall("application/octet-stream", first: "log line\n");
        using var client = Client(server, Timeout.InfiniteTimeSpan);
        await using var output = await client.GetHookOutputAsync("repo", "run", "0000_0000").WaitAsync(Bound);
        var buffer = new byte[64];
        var first = await output.Content.ReadAsync(buffer).AsTask().WaitAsync(Bound);
        using var cancellation = new CancellationTokenSource();

        var next = output.Content.ReadAsync(buffer, cancellation.Token).AsTask();
        await cancellation.CancelAsync();

        Assert.True(first > 0);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next.WaitAsync(Bound));
    }
}
