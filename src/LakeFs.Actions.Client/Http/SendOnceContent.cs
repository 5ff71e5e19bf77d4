using System.Net;

namespace LakeFs.Actions.Client;

/// <summary>
/// The body of every request that is not safe to repeat (a POST), empty when the operation has none. Two things keep
/// such a request from reaching the server more than once per attempt the client decides on, whatever handler sends it:
/// <list type="bullet">
/// <item><description>A request with content is never resent by <see cref="SocketsHttpHandler"/> (and the
/// <see cref="HttpClientHandler"/> over it). Without content, a request sent on a pooled connection that closes before
/// the answer is silently sent again on another connection: a dump submitted once could start several dump tasks.</description></item>
/// <item><description>The body can be written once only: a handler that sends the same request again (a retry handler
/// of the application, say) fails with an <see cref="HttpRequestException"/> before the second copy is flushed.</description></item>
/// </list>
/// </summary>
internal sealed class SendOnceContent : HttpContent
{
    private readonly byte[] _body;
    private int _written;

    public SendOnceContent(byte[] body)
    {
        _body = body;
        Headers.ContentLength = body.Length;
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        ThrowIfWrittenBefore();
        await stream.WriteAsync(_body, cancellationToken).ConfigureAwait(false);
    }

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        ThrowIfWrittenBefore();
        stream.Write(_body);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _body.Length;
        return true;
    }

    /// <summary>Reading the body (a logging handler, say) is not sending it.</summary>
    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new MemoryStream(_body, writable: false));

    private void ThrowIfWrittenBefore()
    {
        if (Interlocked.Exchange(ref _written, 1) != 0)
        {
            throw new HttpRequestException(
                HttpRequestError.Unknown,
                "A handler tried to send a request that is not safe to repeat (a POST the server may already have acted on) a second time; it was not sent again.");
        }
    }
}
