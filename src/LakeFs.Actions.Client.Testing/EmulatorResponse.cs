using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace LakeFs.Actions.Client.Testing;

/// <summary>A response the emulator is about to send: a JSON body in memory, or a hook output to stream.</summary>
internal sealed class EmulatorResponse
{
    public const string JsonContentType = "application/json";
    private const int CopyBufferSize = 81920;
    private const int MaxPartialStreamBytes = 64 * 1024;

    private EmulatorResponse(int statusCode, string? contentType, byte[]? body, EmulatedHookOutput? output, string? contentDisposition)
    {
        StatusCode = statusCode;
        ContentType = contentType;
        Body = body;
        Output = output;
        ContentDisposition = contentDisposition;
    }

    public int StatusCode { get; }

    public string? ContentType { get; }

    /// <summary>The JSON body, or null for a hook output.</summary>
    public byte[]? Body { get; }

    public EmulatedHookOutput? Output { get; }

    public string? ContentDisposition { get; }

    public TimeSpan? RetryAfter { get; private init; }

    /// <summary>True for lakeFS's request validation errors, which are answered before a request id is assigned.</summary>
    public bool OmitRequestId { get; private init; }

    /// <summary>Extra headers, e.g. the branch protection <c>ETag</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; private init; } = [];

    /// <summary>A JSON answer as Go's <c>json.Encoder</c> writes it: the body followed by a newline.</summary>
    public static EmulatorResponse Json(byte[] body, int statusCode = StatusCodes.Status200OK) => new(statusCode, JsonContentType, [.. body, (byte)'\n'], null, null);

    /// <summary>A status without a body (lakeFS's 204 answers have no Content-Type).</summary>
    public static EmulatorResponse NoContent() => new(StatusCodes.Status204NoContent, null, [], null, null);

    /// <summary>A plain-text error, as Go's <c>http.Error</c> writes it (the parameter binding of lakeFS's generated router).</summary>
    public static EmulatorResponse PlainText(int statusCode, string message, bool newline = true) =>
        new(statusCode, "text/plain; charset=utf-8", System.Text.Encoding.UTF8.GetBytes(newline ? message + "\n" : message), null, null);

    /// <summary>Raw bytes with a content type and extra headers (an object's content).</summary>
    public static EmulatorResponse Bytes(byte[] body, string contentType, params KeyValuePair<string, string>[] headers) =>
        new(StatusCodes.Status200OK, contentType, body, null, null) { Headers = headers };

    /// <summary>A status with headers and no body (304 Not Modified).</summary>
    public static EmulatorResponse Status(int statusCode, params KeyValuePair<string, string>[] headers) =>
        new(statusCode, null, [], null, null) { Headers = headers };

    /// <summary>A request validation error: 400 JSON without <c>X-Request-ID</c>.</summary>
    public static EmulatorResponse ValidationError(string message) =>
        new(StatusCodes.Status400BadRequest, JsonContentType, [.. WireJson.Error(message), (byte)'\n'], null, null) { OmitRequestId = true };

    /// <summary>A copy of this response with extra headers (an error after an object's headers were set).</summary>
    public EmulatorResponse WithHeaders(IReadOnlyList<KeyValuePair<string, string>> headers) =>
        new(StatusCode, ContentType, Body, Output, ContentDisposition)
        {
            RetryAfter = RetryAfter,
            OmitRequestId = OmitRequestId,
            Headers = [.. Headers, .. headers],
        };

    /// <summary>A copy of this response with another status (206 for a range).</summary>
    public EmulatorResponse WithStatus(int statusCode) =>
        new(statusCode, ContentType, Body, Output, ContentDisposition)
        {
            RetryAfter = RetryAfter,
            OmitRequestId = OmitRequestId,
            Headers = Headers,
        };

    /// <summary>A copy of this response with one more header.</summary>
    public EmulatorResponse WithHeader(string name, string value) =>
        new(StatusCode, ContentType, Body, Output, ContentDisposition)
        {
            RetryAfter = RetryAfter,
            OmitRequestId = OmitRequestId,
            Headers = [.. Headers, new KeyValuePair<string, string>(name, value)],
        };

    public static EmulatorResponse Error(int statusCode, string message, TimeSpan? retryAfter = null) =>
        new(statusCode, JsonContentType, [.. WireJson.Error(message), (byte)'\n'], null, null) { RetryAfter = retryAfter };

    /// <summary>A hook's output, as lakeFS sends it (an attachment named after the hook run id).</summary>
    public static EmulatorResponse HookOutput(string hookRunId, EmulatedHookOutput output) =>
        new(StatusCodes.Status200OK, "application/octet-stream", null, output, $"attachment; filename={hookRunId}.log");

    /// <summary>A skipped hook's output: 200, empty body, no Content-Type.</summary>
    public static EmulatorResponse EmptyOutput() => new(StatusCodes.Status200OK, null, [], null, null);

    public async Task WriteAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        WriteHeaders(response, Body?.Length ?? Output?.Length);
        if (Body is { Length: > 0 })
        {
            await response.Body.WriteAsync(Body, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (Output is not null)
        {
            var content = Output.OpenRead();
            await using (content.ConfigureAwait(false))
            {
                await content.CopyToAsync(response.Body, CopyBufferSize, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Sends the headers with the full Content-Length and part of the body, then ends the response, so the client
    /// receives the headers and those bytes before the connection closes. Ending an HTTP/1.1 response short of its
    /// Content-Length makes Kestrel turn keep-alive off, send what was written and close the connection. Aborting
    /// instead would close the socket at once and lose the bytes still buffered for sending, so the client would
    /// see a connection dropped before the headers.
    /// </summary>
    public async Task WritePartialAndCloseAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        var partial = await ReadPrefixAsync(cancellationToken).ConfigureAwait(false);
        var declared = Math.Max(Body?.Length ?? Output?.Length ?? 0, partial.Length + 1L);
        WriteHeaders(response, declared);
        await response.Body.WriteAsync(partial, cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends a complete 200 JSON response whose body is cut in half, so it does not parse.</summary>
    public async Task WriteMalformedAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        byte[] body = Body is { Length: > 1 } json ? json[..(json.Length / 2)] : "{\"pagination\":{\"has_more\":"u8.ToArray();
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = JsonContentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, cancellationToken).ConfigureAwait(false);
    }

    private void WriteHeaders(HttpResponse response, long? contentLength)
    {
        response.StatusCode = StatusCode;
        if (OmitRequestId)
        {
            response.Headers.Remove("X-Request-ID");
        }

        foreach (var (name, value) in Headers)
        {
            response.Headers[name] = value;
        }

        if (ContentType is not null)
        {
            response.ContentType = ContentType;
        }

        // lakeFS writes every JSON answer with X-Content-Type-Options: nosniff; object contents get its "keep private" headers.
        if (ContentType == JsonContentType)
        {
            response.Headers.XContentTypeOptions = "nosniff";
        }

        if (ContentDisposition is not null)
        {
            response.Headers.ContentDisposition = ContentDisposition;
        }

        if (RetryAfter is { } retryAfter)
        {
            response.Headers.RetryAfter = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        if (StatusCode is not (StatusCodes.Status204NoContent or StatusCodes.Status304NotModified))
        {
            response.ContentLength = contentLength;
        }
    }

    private async Task<byte[]> ReadPrefixAsync(CancellationToken cancellationToken)
    {
        if (Body is not null)
        {
            return Body[..(Body.Length / 2)];
        }

        if (Output is null)
        {
            return [];
        }

        var limit = (int)Math.Min(MaxPartialStreamBytes, (Output.Length ?? MaxPartialStreamBytes * 2L) / 2);
        var buffer = new byte[limit];
        var content = Output.OpenRead();
        await using (content.ConfigureAwait(false))
        {
            var read = await content.ReadAtLeastAsync(buffer, limit, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            return buffer[..read];
        }
    }
}
