using System.Net;
using System.Text;

namespace LakeFs.Actions.Client.Tests.Infrastructure;

/// <summary>
/// The innermost handler of a client under test, over a real socket handler: the first request that
/// <see cref="Matches"/> is either applied by the server and its answer replaced (<see cref="Applied"/>: a write that
/// took effect whose answer was a 5xx), or answered here without reaching the server. Counts the matching requests.
/// </summary>
internal sealed class LostAnswerTransport : DelegatingHandler
{
    private int _matched;

    public LostAnswerTransport()
        : base(new SocketsHttpHandler { AllowAutoRedirect = false })
    {
    }

    /// <summary>Which requests are counted, and the first of them faulted.</summary>
    public required Func<HttpRequestMessage, bool> Matches { get; init; }

    /// <summary>The status the first matching request gets instead of the server's answer.</summary>
    public int Status { get; init; } = 503;

    /// <summary>True: the first matching request reaches the server (which acts on it) before its answer is replaced.</summary>
    public bool Applied { get; init; } = true;

    /// <summary>Runs after the server applied the first matching request and before the client gets its replaced answer (another writer, say).</summary>
    public Func<Task>? AfterApplied { get; init; }

    public int Matched => Volatile.Read(ref _matched);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!Matches(request) || Interlocked.Increment(ref _matched) > 1)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        if (Applied)
        {
            using var applied = await base.SendAsync(request, cancellationToken);
            if (AfterApplied is not null)
            {
                await AfterApplied();
            }
        }

        return new HttpResponseMessage((HttpStatusCode)Status)
        {
            Content = new StringContent("""{"message":"the answer was lost"}""", Encoding.UTF8, "application/json"),
            RequestMessage = request,
        };
    }
}
