using System.Net;
using System.Text;
using LakeFs.Actions.Client.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace LakeFs.Actions.Client.Tests.Reliability;

/// <summary>
/// Broken or hostile servers and proxies: every answer ends in a <see cref="LakeFsApiException"/> carrying the
/// status and a useful message, never a NullReferenceException, a raw JSON exception or a hang.
/// </summary>
public sealed class HostileServerTests : IDisposable
{
    private const string RunsPath = "/api/v1/repositories/repo/actions/runs";
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(20);

    private readonly WireMockServer _server = WireMockServer.Start();

    public void Dispose() => _server.Dispose();

    private LakeFsActionsClient Client(int maxRetries = 0) => new(new LakeFsClientOptions
    {
        Endpoint = new Uri(_server.Url!),
        AccessKeyId = "AKIAHOSTILE",
        SecretAccessKey = "hostile-secret",
        Retry = new LakeFsRetryOptions { MaxRetries = maxRetries, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.FromMilliseconds(1) },
    });

    private static string Page(bool hasMore, string? nextOffset, string results = "[]") =>
        $$"""{"pagination":{"has_more":{{(hasMore ? "true" : "false")}},"next_offset":{{(nextOffset is null ? "null" : "\"" + nextOffset + "\"")}},"results":0,"max_per_page":100},"results":{{results}}}""";

    private void Answer(Func<IRequestBuilder, IRequestBuilder> match, IResponseBuilder response) =>
        _server.Given(match(Request.Create().WithPath(RunsPath).UsingGet())).RespondWith(response);

    private static IResponseBuilder Json(string body, int status = 200) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);

    /// <summary>Lists runs to the end and returns what it threw (the test fails on success or on a hang).</summary>
    private static async Task<LakeFsApiException> ListingFails(LakeFsActionsClient client)
    {
        var listing = Task.Run(async () =>
        {
            await foreach (var _ in client.ListRunsAsync("repo"))
            {
            }
        });
        var error = await Record.ExceptionAsync(() => listing.WaitAsync(HangGuard));
        Assert.NotNull(error);
        Assert.IsNotType<TimeoutException>(error);
        return Assert.IsType<LakeFsApiException>(error, exactMatch: false);
    }

    [Fact]
    public async Task Has_more_with_an_empty_next_offset_stops_instead_of_looping()
    {
        Answer(r => r, Json(Page(hasMore: true, nextOffset: "")));
        using var client = Client();

        var error = await ListingFails(client);

        Assert.Equal(200, error.StatusCode);
        Assert.Equal("listRepositoryRuns", error.Operation);
        Assert.Contains("has_more=true but sent an empty next_offset", error.Message, StringComparison.Ordinal);
        Assert.Single(_server.LogEntries);
    }

    [Fact]
    public async Task Has_more_with_a_null_next_offset_stops_instead_of_looping()
    {
        Answer(r => r, Json(Page(hasMore: true, nextOffset: null)));
        using var client = Client();

        var error = await ListingFails(client);

        Assert.Equal(200, error.StatusCode);
        Assert.Contains("next_offset", error.Message, StringComparison.Ordinal);
        Assert.Single(_server.LogEntries);
    }

    [Fact]
    public async Task A_repeated_cursor_stops_instead_of_looping()
    {
        Answer(r => r.WithParam(p => !p.ContainsKey("after")), Json(LakeFsBodies.RunPage(hasMore: true, "a")));
        Answer(r => r.WithParam("after", "a"), Json(LakeFsBodies.RunPage(hasMore: true, "b")));
        Answer(r => r.WithParam("after", "b"), Json(LakeFsBodies.Page([LakeFsBodies.Run("c")], hasMore: true, nextOffset: "a")));
        using var client = Client();

        var error = await ListingFails(client);

        Assert.Equal(200, error.StatusCode);
        Assert.Contains("cursor 'a' twice", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, _server.LogEntries.Count());
    }

    [Theory]
    [InlineData("""{"pagination":{"has_more":false,"next_offset":"","results":0,"max_per_page":100}}""")]
    [InlineData("""{"pagination":{"has_more":false,"next_offset":"","results":0,"max_per_page":100},"results":null}""")]
    [InlineData("""{"results":[]}""")]
    [InlineData("""{"pagination":null,"results":[]}""")]
    [InlineData("""{"pagination":{"has_more":false,"next_offset":"","results":0,"max_per_page":100},"results":[null]}""")]
    [InlineData("""{"pagination":{"has_more":false,"next_offset":"","results":0,"max_per_page":100},"results":{}}""")]
    [InlineData("null")]
    [InlineData("")]
    [InlineData("[]")]
    public async Task A_page_without_usable_results_or_pagination_is_a_lakefs_exception(string body)
    {
        Answer(r => r, Json(body));
        using var client = Client();

        var error = await ListingFails(client);

        Assert.Equal(200, error.StatusCode);
        Assert.Equal("listRepositoryRuns", error.Operation);
        Assert.Contains("lakeFS JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_html_502_from_a_proxy_is_retried_then_reported_with_status_and_snippet()
    {
        const string Html = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
        Answer(r => r, Response.Create().WithStatusCode(502).WithHeader("Content-Type", "text/html").WithBody(Html));
        using var client = Client(maxRetries: 2);

        var error = await ListingFails(client);

        Assert.Equal(502, error.StatusCode);
        Assert.Equal(3, error.Attempts);
        Assert.Contains("502", error.Message, StringComparison.Ordinal);
        Assert.Equal("502 Bad Gateway 502 Bad Gateway nginx", error.ServerMessage);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(3, _server.LogEntries.Count());
    }

    [Fact]
    public async Task An_empty_500_is_reported_with_its_status()
    {
        Answer(r => r, Response.Create().WithStatusCode(500));
        using var client = Client(maxRetries: 1);

        var error = await ListingFails(client);

        Assert.Equal(500, error.StatusCode);
        Assert.Null(error.ServerMessage);
        Assert.Equal(2, error.Attempts);
        Assert.Contains("HTTP 500", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_200_in_text_plain_is_not_taken_for_json()
    {
        Answer(r => r, Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/plain").WithBody("It works!"));
        using var client = Client(maxRetries: 3);

        var error = await ListingFails(client);

        Assert.Equal(200, error.StatusCode);
        Assert.Equal(1, error.Attempts);
        Assert.Contains("text/plain", error.Message, StringComparison.Ordinal);
        Assert.Contains("It works!", error.Message, StringComparison.Ordinal);
        Assert.Single(_server.LogEntries);
    }

    [Fact]
    public async Task A_redirect_is_reported_not_followed()
    {
        Answer(r => r, Response.Create().WithStatusCode(302).WithHeader("Location", "https://elsewhere.example.com/login?token=abc"));
        using var client = Client(maxRetries: 3);

        var error = await ListingFails(client);

        Assert.Equal(302, error.StatusCode);
        Assert.Equal(1, error.Attempts);
        Assert.Contains("redirect to 'https://elsewhere.example.com/login'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("token=abc", error.Message, StringComparison.Ordinal);
        Assert.Single(_server.LogEntries);
    }

    [Fact]
    public async Task A_50_MB_error_body_over_a_socket_gives_a_bounded_message()
    {
        var body = new byte[50 * 1024 * 1024];
        body.AsSpan().Fill((byte)'x');
        Answer(r => r, Response.Create().WithStatusCode(500).WithHeader("Content-Type", "text/plain").WithBody(body));
        using var client = Client();

        var error = await ListingFails(client);

        Assert.Equal(500, error.StatusCode);
        Assert.NotNull(error.ServerMessage);
        Assert.InRange(error.ServerMessage.Length, 100, 400);
        Assert.InRange(error.Message.Length, 100, 800);
    }

    [Fact]
    public async Task A_50_MB_error_body_is_not_read_into_memory()
    {
        const long Size = 50L * 1024 * 1024;
        var body = new EndlessBody(Size);
        using var transport = new InMemoryTransport(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
        {
            Content = new StreamContent(body) { Headers = { ContentLength = Size, ContentType = new("application/json") } },
        });
        using var client = new LakeFsRepositoriesClient(new LakeFsClientOptions { Endpoint = new Uri("https://lakefs.example.com"), Retry = { MaxRetries = 0 } }, transport);

        var error = await Assert.ThrowsAsync<LakeFsApiException>(() => client.GetRepositoryAsync("repo").WaitAsync(HangGuard));

        Assert.Equal(503, error.StatusCode);
        Assert.True(body.BytesRead <= 64 * 1024, $"the client read {body.BytesRead} bytes of a {Size}-byte error body");
        Assert.True(body.Disposed, "the error body was not disposed");
        Assert.InRange(error.ServerMessage!.Length, 100, 400);
    }

    /// <summary>A body of <c>{"message":"xxxx...</c> produced as it is read, counting what was read.</summary>
    private sealed class EndlessBody(long length) : Stream
    {
        private static readonly byte[] Head = Encoding.ASCII.GetBytes("{\"message\":\"");
        private long _position;

        public long BytesRead => Interlocked.Read(ref _position);

        public bool Disposed { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            for (var i = 0; i < n; i++)
            {
                var at = _position + i;
                buffer[offset + i] = at < Head.Length ? Head[at] : (byte)'x';
            }

            Interlocked.Add(ref _position, n);
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
