namespace LakeFs.Actions.Client.Tests.Reliability;

/// <summary>
/// A transport that counts the requests under way: from the moment one is sent until its response body is
/// disposed (or the send fails). Wraps a real <see cref="SocketsHttpHandler"/>.
/// </summary>
internal sealed class InFlightRequests : DelegatingHandler
{
    private int _inFlight;
    private int _started;

    public InFlightRequests(HttpMessageHandler? inner = null) => InnerHandler = inner ?? new SocketsHttpHandler { AllowAutoRedirect = false };

    public int InFlight => Volatile.Read(ref _inFlight);

    public int Started => Volatile.Read(ref _started);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _started);
        Interlocked.Increment(ref _inFlight);
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch
        {
            Interlocked.Decrement(ref _inFlight);
            throw;
        }

        response.Content = new TrackedContent(response.Content, () => Interlocked.Decrement(ref _inFlight));
        return response;
    }

    /// <summary>Passes the body through and reports once when it is disposed.</summary>
    private sealed class TrackedContent : HttpContent
    {
        private readonly HttpContent _inner;
        private Action? _onDispose;

        public TrackedContent(HttpContent inner, Action onDispose)
        {
            _inner = inner;
            _onDispose = onDispose;
            foreach (var header in inner.Headers)
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => _inner.CopyToAsync(stream);

        protected override Task<Stream> CreateContentReadStreamAsync() => _inner.ReadAsStreamAsync();

        protected override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) => _inner.ReadAsStreamAsync(cancellationToken);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Interlocked.Exchange(ref _onDispose, null)?.Invoke();
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
