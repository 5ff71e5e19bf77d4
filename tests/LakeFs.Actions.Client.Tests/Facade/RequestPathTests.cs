using System.Net;
using LakeFs.Actions.Client.Tests.Diagnostics;
using LakeFs.Actions.Client.Tests.Reliability;

namespace LakeFs.Actions.Client.Tests.Facade;

/// <summary>
/// The request path carries one declaration per call: the generated method names the operation, the document says
/// which operations page and which field is a page's cursor key, a listing cannot fetch pages of another operation,
/// the message handler observes and never throws for a status, and the duration metric follows the OpenTelemetry
/// HTTP client attributes, failed requests included.
/// </summary>
public sealed class RequestPathTests
{
    private static LakeFsClientOptions Options() => new() { Endpoint = new Uri("http://lakefs.test/"), BearerToken = "t", Retry = { MaxRetries = 0 } };

    [Fact]
    public void The_document_declares_which_operations_page()
    {
        var paged = LakeFsRestClient.Operations.All.Where(operation => operation.IsPaged).Select(operation => operation.Id).Order(StringComparer.Ordinal);

        Assert.Equal(["listObjects", "listRepositories", "listRepositoryRuns", "listRunHooks"], paged);
    }

    [Fact]
    public void Each_page_envelope_reads_the_cursor_key_the_document_names()
    {
        Assert.Equal("run-1", ((ICursorPage<ActionRun>)new ActionRunList()).KeyOf(new ActionRun { RunId = "run-1" }));
        Assert.Equal("0000_0001", ((ICursorPage<HookRun>)new HookRunList()).KeyOf(new HookRun { HookRunId = "0000_0001" }));
        Assert.Equal("repo", ((ICursorPage<Repository>)new RepositoryList()).KeyOf(new Repository { Id = "repo" }));
        Assert.Equal("_lakefs_actions/a.yaml", ((ICursorPage<ObjectStats>)new ObjectStatsList()).KeyOf(new ObjectStats { Path = "_lakefs_actions/a.yaml" }));
    }

    [Fact]
    public async Task A_listing_whose_fetch_sends_another_operation_is_refused_before_sending()
    {
        using var transport = new InMemoryTransport(_ => InMemoryTransport.Json("""{"pagination":{"has_more":false,"next_offset":"","results":0,"max_per_page":100},"results":[]}"""));
        var connection = LakeFsConnection.Create(Options(), transport, loggerFactory: null, timeProvider: null);

        // Declared as the hooks listing, but fetching runs: the slip the single declaration guards against.
        var listing = connection.Paged<ActionRun>(LakeFsRestClient.Operations.ListRunHooks, "repo", async (after, amount, ct) => await connection.Rest.ListRepositoryRunsAsync("repo", after, amount, null, null, ct), CancellationToken.None);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => listing.ToListAsync().AsTask());
        Assert.Contains("listRunHooks", error.Message, StringComparison.Ordinal);
        Assert.Contains("listRepositoryRuns", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, transport.Requests);
        connection.OwnedHttpClient?.Dispose();
    }

    [Fact]
    public async Task The_message_handler_passes_an_error_answer_on_without_throwing()
    {
        using var transport = new InMemoryTransport(_ => InMemoryTransport.Json("""{"message":"boom"}""", HttpStatusCode.InternalServerError));
        using var invoker = new HttpMessageInvoker(new LakeFsResponseHandler(logger: null, timeProvider: null) { InnerHandler = transport });
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://lakefs.test/api/v1/repositories/repo");
        request.Options.Set(LakeFsOperation.Key, LakeFsRestClient.Operations.GetRepository);

        using var response = await invoker.SendAsync(request, CancellationToken.None);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Fact]
    public async Task An_exception_is_built_once_with_the_final_attempt_count()
    {
        var answers = 0;
        using var transport = new InMemoryTransport(_ => InMemoryTransport.Json("""{"message":"busy"}""", Interlocked.Increment(ref answers) < 3 ? (HttpStatusCode)429 : HttpStatusCode.NotFound));
        var options = Options();
        options.Retry.MaxRetries = 4;
        options.Retry.BaseDelay = TimeSpan.Zero;
        options.Retry.MaxDelay = TimeSpan.Zero;
        using var client = new LakeFsRepositoriesClient(options, transport);

        var error = await Assert.ThrowsAsync<LakeFsApiException>(() => client.GetRepositoryAsync("repo"));

        Assert.Equal(404, error.StatusCode);
        Assert.Equal(3, error.Attempts);
        Assert.False(typeof(LakeFsApiException).GetProperty(nameof(LakeFsApiException.Attempts))!.SetMethod!.IsPublic); // set once, at construction
        Assert.Contains("the earlier attempts got: HTTP 429, HTTP 429.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_duration_metric_carries_method_server_and_error_type_and_records_transport_failures()
    {
        using var telemetry = new TelemetryCapture();
        var calls = 0;
        using var transport = new InMemoryTransport(_ => Interlocked.Increment(ref calls) == 1
            ? InMemoryTransport.Json("""{"message":"not found"}""", HttpStatusCode.NotFound)
            : throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"));
        using var client = new LakeFsRepositoriesClient(Options(), transport);

        await Assert.ThrowsAsync<LakeFsApiException>(() => client.GetRepositoryAsync("missing"));
        await Assert.ThrowsAsync<LakeFsApiException>(() => client.GetRepositoryAsync("refused"));

        var durations = telemetry.Measurements("lakefs.client.request.duration");
        Assert.Equal(2, durations.Count);
        Assert.All(durations, m =>
        {
            Assert.Equal("GET", m.Tags["http.request.method"]);
            Assert.Equal("lakefs.test", m.Tags["server.address"]);
            Assert.Equal(80, m.Tags["server.port"]);
            Assert.Equal("/repositories/{repository}", m.Tags["http.route"]);
        });
        Assert.Equal(404, durations[0].Tags["http.response.status_code"]);
        Assert.Equal("404", durations[0].Tags["error.type"]);
        Assert.False(durations[1].Tags.ContainsKey("http.response.status_code"));
        Assert.Equal(typeof(HttpRequestException).FullName, durations[1].Tags["error.type"]);
    }

    [Fact]
    public async Task A_create_names_its_repository_in_its_activity_from_the_body_field_the_document_names()
    {
        using var telemetry = new TelemetryCapture();
        using var transport = new InMemoryTransport(_ => InMemoryTransport.Json("""{"id":"analytics","creation_date":1,"default_branch":"main","storage_namespace":"local://analytics"}""", HttpStatusCode.Created));
        using var client = new LakeFsRepositoriesClient(Options(), transport);

        await client.CreateRepositoryAsync("analytics", "local://analytics");

        var activity = Assert.Single(telemetry.Activities);
        Assert.Equal("createRepository", activity.GetTagItem("lakefs.operation"));
        Assert.Equal("analytics", activity.GetTagItem("lakefs.repository"));
    }
}
