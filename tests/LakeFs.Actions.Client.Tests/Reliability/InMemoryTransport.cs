using System.Net;
using System.Text;

namespace LakeFs.Actions.Client.Tests.Reliability;

/// <summary>An HTTP transport without sockets: every request is answered by a function.</summary>
internal sealed class InMemoryTransport(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
{
    private int _requests;

    public int Requests => Volatile.Read(ref _requests);

    public List<HttpRequestMessage> Received { get; } = [];

    public bool KeepRequests { get; init; }

    public static HttpResponseMessage Json(string body, HttpStatusCode status = HttpStatusCode.OK) => new(status)
    {
        Content = new StringContent(body, Encoding.UTF8, "application/json"),
    };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Interlocked.Increment(ref _requests);
        if (KeepRequests)
        {
            lock (Received)
            {
                Received.Add(request);
            }
        }

        var response = answer(request);
        response.RequestMessage ??= request;
        return Task.FromResult(response);
    }
}
