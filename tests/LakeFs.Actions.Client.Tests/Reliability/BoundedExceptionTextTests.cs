using System.Net;
using Newtonsoft.Json;

namespace LakeFs.Actions.Client.Tests.Reliability;

/// <summary>
/// Issue 12.5: whatever a server sends, an exception's message and <c>ToString()</c> (inner exceptions
/// included) stay a few KB. Newtonsoft quotes the offending value in its errors; a 20 MB string where a
/// list belongs must not become 20 MB of exception text.
/// </summary>
public sealed class BoundedExceptionTextTests
{
    private const int FewKilobytes = 8 * 1024;

    private static readonly string Huge = new('x', 20 * 1024 * 1024);

    public static TheoryData<string> Bodies() =>
    [
        "results-is-a-string",
        "message-is-huge",
        "request-id-is-huge",
        "status-is-a-huge-number",
        "date-is-huge",
    ];

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Exception_text_stays_bounded_for_a_20_MB_value(string body)
    {
        var transport = new InMemoryTransport(_ => Answer(body));
        using var client = new LakeFsActionsClient(new LakeFsClientOptions { Endpoint = new Uri("http://lakefs.test/"), Retry = { MaxRetries = 0 } }, transport);

        var error = await Assert.ThrowsAsync<LakeFsApiException>(() => body is "date-is-huge" or "status-is-a-huge-number"
            ? client.GetRunAsync("repo", "run")
            : client.ListRunsAsync("repo").ToListAsync().AsTask());

        Assert.InRange(error.Message.Length, 1, FewKilobytes);
        Assert.InRange(error.ToString().Length, 1, FewKilobytes);
        for (var inner = error.InnerException; inner is not null; inner = inner.InnerException)
        {
            Assert.InRange(inner.Message.Length, 1, FewKilobytes);
        }
    }

    [Fact]
    public async Task The_bounded_parser_error_keeps_where_the_problem_is()
    {
        var transport = new InMemoryTransport(_ => Answer("results-is-a-string"));
        using var client = new LakeFsActionsClient(new LakeFsClientOptions { Endpoint = new Uri("http://lakefs.test/"), Retry = { MaxRetries = 0 } }, transport);

        var error = await Assert.ThrowsAsync<LakeFsApiException>(() => client.ListRunsAsync("repo").ToListAsync().AsTask());

        var inner = Assert.IsAssignableFrom<JsonException>(error.InnerException);
        var path = inner switch
        {
            JsonSerializationException serialization => serialization.Path,
            JsonReaderException reader => reader.Path,
            _ => null,
        };
        Assert.Equal("results", path);
        Assert.Contains("results", error.Message, StringComparison.Ordinal);
    }

    private static HttpResponseMessage Answer(string body)
    {
        const string Pagination = """{"has_more": false, "next_offset": "", "results": 1, "max_per_page": 1000}""";
        switch (body)
        {
            case "results-is-a-string":
                return InMemoryTransport.Json($$"""{"pagination": {{Pagination}}, "results": "{{Huge}}"}""");
            case "message-is-huge":
                return InMemoryTransport.Json($$"""{"message": "{{Huge}}"}""", HttpStatusCode.BadRequest);
            case "request-id-is-huge":
                var response = InMemoryTransport.Json("""{"message": "nope"}""", HttpStatusCode.NotFound);
                response.Headers.TryAddWithoutValidation("X-Request-ID", Huge);
                return response;
            case "status-is-a-huge-number":
                return InMemoryTransport.Json($$"""{"run_id": "r", "branch": "main", "commit_id": "c", "event_type": "pre-commit", "start_time": "2024-01-01T00:00:00Z", "status": {{new string('9', 1024 * 1024)}}}""");
            default:
                return InMemoryTransport.Json($$"""{"run_id": "r", "branch": "main", "commit_id": "c", "event_type": "pre-commit", "start_time": "{{Huge}}", "status": "completed"}""");
        }
    }
}
