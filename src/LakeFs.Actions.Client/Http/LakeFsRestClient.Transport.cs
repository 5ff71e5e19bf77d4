using System.Buffers;
using System.Globalization;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using LakeFs.Actions.Client.Http;
using Newtonsoft.Json;

namespace LakeFs.Actions.Client;

/// <summary>
/// The hand-written half of the generated REST client: the generated methods build the URL of their
/// operation, create its request with <see cref="CreateRequest"/> (which puts the operation's declaration on
/// it), add header parameters and the JSON body, and call one of the <c>SendFor...Async</c> methods, chosen by
/// what the operation's successful answer carries (<see cref="LakeFsOperation.Result"/>), which send it and
/// read the answer. A JSON body is
/// read asynchronously, under the attempt's token, into a buffer bounded by
/// <see cref="LakeFsClientOptions.MaxResponseBodySize"/>, then deserialized from memory: no read of the
/// network stream is synchronous, and no server can make the client hang or allocate without limit.
/// </summary>
internal partial class LakeFsRestClient
{
    private const int InitialBufferSize = 16 * 1024;

    private static readonly ProductInfoHeaderValue UserAgent = new(
        "LakeFs.Actions.Client",
        typeof(LakeFsRestClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0] ?? "0.0.0");

    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");

    private readonly HttpClient _httpClient;
    private readonly AuthenticationHeaderValue? _authorization;
    private readonly long _maxResponseBodySize;

    /// <param name="httpClient">Sends the requests (through <see cref="LakeFsResponseHandler"/>).</param>
    /// <param name="baseUrl">The API root, ending with <c>/api/v1/</c>.</param>
    /// <param name="authorization">The Authorization header value (Basic or Bearer); never logged.</param>
    /// <param name="maxResponseBodySize">The largest JSON body read, in bytes.</param>
    public LakeFsRestClient(HttpClient httpClient, string baseUrl, AuthenticationHeaderValue? authorization, long maxResponseBodySize)
    {
        _httpClient = httpClient;
        BaseUrl = baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/";
        _authorization = authorization;
        _maxResponseBodySize = maxResponseBodySize;
    }

    /// <summary>The API root every generated URL starts with, ending with '/'.</summary>
    public string BaseUrl { get; }

    /// <summary>A request of <paramref name="operation"/> to <paramref name="url"/>, carrying its declaration, the User-Agent and the Authorization header.</summary>
    private HttpRequestMessage CreateRequest(LakeFsOperation operation, string url)
    {
        var request = new HttpRequestMessage(operation.Method, new Uri(url, UriKind.RelativeOrAbsolute));
        request.Options.Set(LakeFsOperation.Key, operation);
        request.Headers.UserAgent.Add(UserAgent);
        if (operation.ExpectsJson)
        {
            request.Headers.Accept.Add(Json);
        }

        if (_authorization is not null)
        {
            request.Headers.Authorization = _authorization;
        }

        if (!operation.IsSafeToRepeat)
        {
            // A body, even an empty one, is what keeps the handler underneath from resending it (SendOnceContent).
            request.Content = new SendOnceContent([]);
        }

        return request;
    }

    /// <summary>
    /// Adds a header parameter exactly as given (null leaves it out, "" sends it empty): no quoting and no
    /// validation by .NET's typed headers, which would reject lakeFS's unquoted <c>If-Match</c> values.
    /// </summary>
    private static void SetHeader(HttpRequestMessage request, string name, string? value)
    {
        if (value is not null && !request.Headers.TryAddWithoutValidation(name, value))
        {
            throw new ArgumentException($"The value of the {name} header cannot be sent.", name);
        }
    }

    /// <summary>
    /// Sets the JSON body of a request, written with the client's JSON settings (<see cref="LakeFsJson"/>); the body of
    /// an operation that is not safe to repeat can be sent once only (<see cref="SendOnceContent"/>).
    /// </summary>
    private static void SetJsonContent(HttpRequestMessage request, object? body)
    {
        var json = Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(body, LakeFsJson.Settings));
        HttpContent content = LakeFsOperation.Of(request).IsSafeToRepeat ? new ByteArrayContent(json) : new SendOnceContent(json);
        content.Headers.ContentType = JsonContentType;
        request.Content?.Dispose();
        request.Content = content;
    }

    /// <summary>Sends the request (and disposes it) and reads its JSON answer as <typeparamref name="T"/>.</summary>
    private async Task<T> SendForJsonAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            var operation = LakeFsOperation.Of(request);
            using var response = await SendCheckedAsync(request, operation, cancellationToken).ConfigureAwait(false);
            return await ReadJsonAsync<T>(response, operation, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends the request (and disposes it) and reads its JSON answer with the raw values of the operation's <see cref="LakeFsOperation.ResultHeaders"/>.</summary>
    private async Task<LakeFsRestResponse<T>> SendForJsonWithHeadersAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            var operation = LakeFsOperation.Of(request);
            using var response = await SendCheckedAsync(request, operation, cancellationToken).ConfigureAwait(false);
            var headers = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var name in operation.ResultHeaders)
            {
                headers[name] = RawHeader(response, name);
            }

            var body = await ReadJsonAsync<T>(response, operation, cancellationToken).ConfigureAwait(false);
            return new LakeFsRestResponse<T>(body, headers);
        }
    }

    /// <summary>Sends the request (and disposes it) of an operation whose answer has no body (204).</summary>
    private async Task SendForNothingAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            using var response = await SendCheckedAsync(request, LakeFsOperation.Of(request), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends the request (and disposes it) and returns the answer with its body unread, for the caller to stream (and dispose).</summary>
    private async Task<HttpResponseMessage> SendForStreamAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            return await SendCheckedAsync(request, LakeFsOperation.Of(request), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends the request; a non-2xx answer becomes a <see cref="LakeFsApiException"/>.</summary>
    private async Task<HttpResponseMessage> SendCheckedAsync(HttpRequestMessage request, LakeFsOperation operation, CancellationToken cancellationToken)
    {
        var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            // The response handler already turns these into exceptions; this keeps a client without it honest.
            using (response)
            {
                throw await LakeFsErrors.FromResponseAsync(response, operation, TimeProvider.System, cancellationToken).ConfigureAwait(false);
            }
        }

        return response;
    }

    /// <summary>The header's value as the server sent it (several lines joined by ", "); null when absent.</summary>
    private static string? RawHeader(HttpResponseMessage response, string name)
    {
        if (response.Headers.NonValidated.TryGetValues(name, out var values)
            || response.Content.Headers.NonValidated.TryGetValues(name, out values))
        {
            return values.Count == 1 ? values.ToString() : string.Join(", ", values);
        }

        return null;
    }

    /// <summary>Reads the JSON answer (bounded) as <typeparamref name="T"/>.</summary>
    private async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, LakeFsOperation operation, CancellationToken cancellationToken)
    {
        var (buffer, length) = await ReadBoundedAsync(response, operation, cancellationToken).ConfigureAwait(false);
        try
        {
            using var text = new StreamReader(new MemoryStream(buffer, 0, length, writable: false), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            using var json = new JsonTextReader(text);
            T? value;
            try
            {
                value = LakeFsJson.Serializer.Deserialize<T>(json);
            }
            catch (JsonException error)
            {
                throw LakeFsErrors.UnreadableBody(response, operation, error);
            }

            return value ?? throw LakeFsErrors.EmptyBody(response, operation);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads the whole body into a pooled buffer (return it to <see cref="ArrayPool{T}.Shared"/>), failing past the size limit.</summary>
    private async Task<(byte[] Buffer, int Length)> ReadBoundedAsync(HttpResponseMessage response, LakeFsOperation operation, CancellationToken cancellationToken)
    {
        var limit = _maxResponseBodySize;
        var declared = response.Content.Headers.ContentLength;
        if (declared > limit)
        {
            throw LakeFsErrors.BodyTooLarge(response, operation, limit);
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(declared is > 0 ? declared.Value + 1 : InitialBufferSize, limit + 1));
        var length = 0;
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        if (length > limit)
                        {
                            throw LakeFsErrors.BodyTooLarge(response, operation, limit);
                        }

                        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, limit + 1));
                        buffer.AsSpan(0, length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    length += read;
                }
            }

            if (length > limit)
            {
                throw LakeFsErrors.BodyTooLarge(response, operation, limit);
            }

            return (buffer, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    private static void AppendQuery(StringBuilder url, ref char separator, string name, string? value)
    {
        if (value is not null)
        {
            url.Append(separator).Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }
    }

    private static void AppendQuery(StringBuilder url, ref char separator, string name, int? value)
    {
        if (value is { } number)
        {
            url.Append(separator).Append(Uri.EscapeDataString(name)).Append('=').Append(number.ToString(CultureInfo.InvariantCulture));
            separator = '&';
        }
    }

    private static void AppendQuery(StringBuilder url, ref char separator, string name, bool? value)
    {
        if (value is { } flag)
        {
            url.Append(separator).Append(Uri.EscapeDataString(name)).Append('=').Append(flag ? "true" : "false");
            separator = '&';
        }
    }
}
