namespace LakeFs.Actions.Client.Tests.Infrastructure;

/// <summary>The innermost handler of a client under test: sends through a real socket handler and records what was sent.</summary>
internal sealed class RecordingTransport : DelegatingHandler
{
    private readonly List<SentRequest> _sent = [];

    public RecordingTransport()
        : base(new SocketsHttpHandler { AllowAutoRedirect = false })
    {
    }

    public IReadOnlyList<SentRequest> Sent
    {
        get
        {
            lock (_sent)
            {
                return [.. _sent];
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var ifMatch = request.Headers.NonValidated.TryGetValues("If-Match", out var values) ? values.ToString() : null;
        lock (_sent)
        {
            _sent.Add(new SentRequest(request.Method.Method, request.RequestUri!.PathAndQuery, ifMatch, body));
        }

        return await base.SendAsync(request, cancellationToken);
    }

    public sealed record SentRequest(string Method, string PathAndQuery, string? IfMatch, string? Body);
}
