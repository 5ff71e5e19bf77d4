using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace LakeFs.Actions.Client.Benchmarks.Wire;

/// <summary>
/// Serves <c>GET /api/v1/repositories/{repository}/actions/runs?after=&amp;amount=</c> from pre-serialized pages,
/// without sockets: the page after the <c>after</c> cursor, 401 without credentials, 400 for a page size other
/// than the one the pages were cut to, 404 for another path or an unknown cursor.
/// </summary>
internal sealed class InMemoryLakeFsHandler : HttpMessageHandler
{
    private readonly RunListPages _pages;
    private readonly string _path;

    public InMemoryLakeFsHandler(string repository, RunListPages pages)
    {
        _pages = pages;
        _path = $"/api/v1/repositories/{Uri.EscapeDataString(repository)}/actions/runs";
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var uri = request.RequestUri!;
        if (request.Method != HttpMethod.Get || !string.Equals(uri.AbsolutePath, _path, StringComparison.Ordinal))
        {
            return Error(request, HttpStatusCode.NotFound, "path not found");
        }

        if (request.Headers.Authorization is null)
        {
            return Error(request, HttpStatusCode.Unauthorized, "error authenticating request");
        }

        string? after = null;
        string? amount = null;
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..]);
            switch (name)
            {
                case "after":
                    after = value;
                    break;
                case "amount":
                    amount = value;
                    break;
            }
        }

        if (amount != _pages.PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            return Error(request, HttpStatusCode.BadRequest, $"expected amount={_pages.PageSize}, got '{amount}'");
        }

        if (_pages.PageAfter(string.IsNullOrEmpty(after) ? null : after) is not { } page)
        {
            return Error(request, HttpStatusCode.NotFound, "unknown cursor");
        }

        var content = new ByteArrayContent(page);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }

    private static Task<HttpResponseMessage> Error(HttpRequestMessage request, HttpStatusCode status, string message) =>
        Task.FromResult(new HttpResponseMessage(status)
        {
            Content = new StringContent($"{{\"message\":\"{message}\"}}", Encoding.UTF8, "application/json"),
            RequestMessage = request,
        });
}
