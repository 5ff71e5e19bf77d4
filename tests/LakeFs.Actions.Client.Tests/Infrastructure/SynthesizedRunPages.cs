using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace LakeFs.Actions.Client.Tests.Infrastructure;

/// <summary>
/// Serves <c>GET .../actions/runs?after=&amp;amount=</c> for a repository of <see cref="RunCount"/> runs, writing each page
/// when it is asked for (nothing is kept between requests), so a listing of any length costs the server no memory.
/// Run ids are <c>run-</c> plus a zero-padded index, newest (index 0) first; the cursor is the last id of the page.
/// </summary>
internal sealed class SynthesizedRunPages(int runCount) : HttpMessageHandler
{
    public int RunCount { get; } = runCount;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var query = System.Web.HttpUtility.ParseQueryString(request.RequestUri!.Query);
        var amount = int.Parse(query["amount"] ?? "100", CultureInfo.InvariantCulture);
        var first = query["after"] is { Length: > 0 } after ? Index(after) + 1 : 0;
        var last = Math.Min(first + amount, RunCount) - 1;
        var hasMore = last < RunCount - 1;

        var json = new StringBuilder(256 * (last - first + 2));
        json.Append(CultureInfo.InvariantCulture, $$"""{"pagination":{"has_more":{{(hasMore ? "true" : "false")}},"next_offset":"{{(hasMore ? Id(last) : "")}}","results":{{last - first + 1}},"max_per_page":1000},"results":[""");
        for (var i = first; i <= last; i++)
        {
            if (i > first)
            {
                json.Append(',');
            }

            json.Append(CultureInfo.InvariantCulture, $$"""{"run_id":"{{Id(i)}}","branch":"main","commit_id":"{{i:x40}}","event_type":"post-commit","start_time":"2026-07-23T10:15:30.123456789Z","end_time":"2026-07-23T10:15:31Z","status":"{{(i % 10 == 9 ? "failed" : "completed")}}"}""");
        }

        json.Append("]}");
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json.ToString()));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }

    public static string Id(int index) => "run-" + index.ToString("D8", CultureInfo.InvariantCulture);

    private static int Index(string id) => int.Parse(id.AsSpan(4), CultureInfo.InvariantCulture);
}
