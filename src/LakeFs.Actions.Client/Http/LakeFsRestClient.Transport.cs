using System.Buffers;
using System.Globalization;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using Newtonsoft.Json;

namespace LakeFs.Actions.Client;

/// <summary>The hand-written half of the generated REST client: runs each generated call in the request pipeline, one request per attempt.</summary>
/// <remarks>
/// A generated method names its operation once and passes it here with the URL, the repository (for traces) and how
/// to add its header parameters and body to a request. Each attempt creates its request (carrying the operation in
/// <see cref="HttpRequestMessage.Options"/> for the handler), sends it, and classifies the answer: a status or body
/// that is not what the operation expects comes back as a <see cref="LakeFsFailure"/>, never as an exception. A JSON
/// body is read asynchronously, under the attempt's token, into a buffer bounded by
/// <see cref="LakeFsClientOptions.MaxResponseBodySize"/>, then deserialized from memory.
/// </remarks>
internal partial class LakeFsRestClient
{
    private const int InitialBufferSize = 16 * 1024;

    private static readonly ProductInfoHeaderValue UserAgent = new(
        "LakeFs.Actions.Client",
        typeof(LakeFsRestClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0] ?? "0.0.0");

    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");

    private readonly HttpClient _httpClient;
    private readonly LakeFsRequestPipeline _pipeline;
    private readonly TimeProvider _timeProvider;
    private readonly AuthenticationHeaderValue? _authorization;
    private readonly long _maxResponseBodySize;

    /// <param name="httpClient">Sends the requests (through <see cref="LakeFsResponseHandler"/>).</param>
    /// <param name="pipeline">Runs each call: retries, attempt timeout, activity, the call's exception.</param>
    /// <param name="timeProvider">The clock a <c>Retry-After</c> date is read against.</param>
    /// <param name="baseUrl">The API root, ending with <c>/api/v1/</c>.</param>
    /// <param name="authorization">The Authorization header value (Basic or Bearer); never logged.</param>
    /// <param name="maxResponseBodySize">The largest JSON body read, in bytes.</param>
    public LakeFsRestClient(HttpClient httpClient, LakeFsRequestPipeline pipeline, TimeProvider timeProvider, string baseUrl, AuthenticationHeaderValue? authorization, long maxResponseBodySize)
    {
        _httpClient = httpClient;
        _pipeline = pipeline;
        _timeProvider = timeProvider;
        BaseUrl = baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/";
        _authorization = authorization;
        _maxResponseBodySize = maxResponseBodySize;
    }

    /// <summary>The API root every generated URL starts with, ending with '/'.</summary>
    public string BaseUrl { get; }

    /// <summary>
    /// A request of <paramref name="operation"/> to <paramref name="url"/>, carrying its declaration, the User-Agent,
    /// the Authorization header, and what <paramref name="prepare"/> adds (header parameters, the body).
    /// </summary>
    private HttpRequestMessage CreateRequest(LakeFsOperation operation, string url, Action<HttpRequestMessage>? prepare)
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

        prepare?.Invoke(request);
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

    /// <summary>Runs a call whose answer is JSON, read as <typeparamref name="T"/>.</summary>
    private Task<T> SendForJsonAsync<T>(LakeFsOperation operation, string? repository, string url, Action<HttpRequestMessage>? prepare, CancellationToken cancellationToken) =>
        _pipeline.SendAsync(operation, repository, cancellationToken, async ct =>
        {
            using var request = CreateRequest(operation, url, prepare);
            var (response, failure) = await SendAsync(request, operation, ct).ConfigureAwait(false);
            if (failure is not null)
            {
                return LakeFsAttempt<T>.Failed(failure);
            }

            using (response)
            {
                return await ReadJsonAsync<T>(response!, ct).ConfigureAwait(false);
            }
        });

    /// <summary>Runs a call whose answer is JSON, read with the raw values of the operation's <see cref="LakeFsOperation.ResultHeaders"/>.</summary>
    private Task<LakeFsRestResponse<T>> SendForJsonWithHeadersAsync<T>(LakeFsOperation operation, string? repository, string url, Action<HttpRequestMessage>? prepare, CancellationToken cancellationToken) =>
        _pipeline.SendAsync(operation, repository, cancellationToken, async ct =>
        {
            using var request = CreateRequest(operation, url, prepare);
            var (response, failure) = await SendAsync(request, operation, ct).ConfigureAwait(false);
            if (failure is not null)
            {
                return LakeFsAttempt<LakeFsRestResponse<T>>.Failed(failure);
            }

            using (response)
            {
                var headers = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
                foreach (var name in operation.ResultHeaders)
                {
                    headers[name] = RawHeader(response!, name);
                }

                var body = await ReadJsonAsync<T>(response!, ct).ConfigureAwait(false);
                return body.Failure is { } unreadable
                    ? LakeFsAttempt<LakeFsRestResponse<T>>.Failed(unreadable)
                    : LakeFsAttempt<LakeFsRestResponse<T>>.Succeeded(new LakeFsRestResponse<T>(body.Value, headers));
            }
        });

    /// <summary>Runs a call whose answer has no body (204).</summary>
    private Task SendForNothingAsync(LakeFsOperation operation, string? repository, string url, Action<HttpRequestMessage>? prepare, CancellationToken cancellationToken) =>
        _pipeline.SendAsync(operation, repository, cancellationToken, async ct =>
        {
            using var request = CreateRequest(operation, url, prepare);
            var (response, failure) = await SendAsync(request, operation, ct).ConfigureAwait(false);
            response?.Dispose();
            return failure is null ? LakeFsAttempt<bool>.Succeeded(true) : LakeFsAttempt<bool>.Failed(failure);
        });

    /// <summary>Runs a call whose answer is handed to the caller with its body unread, to stream (and dispose).</summary>
    private Task<HttpResponseMessage> SendForStreamAsync(LakeFsOperation operation, string? repository, string url, Action<HttpRequestMessage>? prepare, CancellationToken cancellationToken) =>
        _pipeline.SendAsync(operation, repository, cancellationToken, async ct =>
        {
            using var request = CreateRequest(operation, url, prepare);
            var (response, failure) = await SendAsync(request, operation, ct).ConfigureAwait(false);
            return failure is null ? LakeFsAttempt<HttpResponseMessage>.Succeeded(response!) : LakeFsAttempt<HttpResponseMessage>.Failed(failure);
        });

    /// <summary>
    /// Sends one request and classifies the answer: a non-2xx status, or a 2xx that is not the JSON the operation
    /// expects, is read into a <see cref="LakeFsFailure"/> (and the response disposed); otherwise the response is returned.
    /// </summary>
    private async Task<(HttpResponseMessage? Response, LakeFsFailure? Failure)> SendAsync(HttpRequestMessage request, LakeFsOperation operation, CancellationToken cancellationToken)
    {
        var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode && (!operation.ExpectsJson || IsJsonOrUnspecified(response)))
        {
            return (response, null);
        }

        using (response)
        {
            var failure = response.IsSuccessStatusCode
                ? await LakeFsErrors.NotJsonAsync(response, operation, _timeProvider, cancellationToken).ConfigureAwait(false)
                : await LakeFsErrors.FromResponseAsync(response, operation, _timeProvider, cancellationToken).ConfigureAwait(false);
            return (null, failure);
        }
    }

    /// <summary>
    /// True when the answer's media type is JSON (<c>application/json</c>, <c>*+json</c>) or not given. Reads the raw
    /// header (no typed parse per response); only a value that is not plainly JSON goes through .NET's parser.
    /// </summary>
    private static bool IsJsonOrUnspecified(HttpResponseMessage response)
    {
        if (!response.Content.Headers.NonValidated.TryGetValues("Content-Type", out var values))
        {
            return true;
        }

        if (values.Count == 1)
        {
            var raw = values.ToString().AsSpan();
            var semicolon = raw.IndexOf(';');
            var type = (semicolon < 0 ? raw : raw[..semicolon]).Trim();
            if (IsJsonMediaType(type))
            {
                return true;
            }
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType;
        return mediaType is null || IsJsonMediaType(mediaType);
    }

    private static bool IsJsonMediaType(ReadOnlySpan<char> mediaType) =>
        mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);

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

    /// <summary>Reads the JSON answer (bounded) as <typeparamref name="T"/>; a body too large, empty or unreadable is a failed attempt.</summary>
    private async Task<LakeFsAttempt<T>> ReadJsonAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var limit = _maxResponseBodySize;
        if (response.Content.Headers.ContentLength > limit)
        {
            return LakeFsAttempt<T>.Failed(LakeFsErrors.BodyTooLarge(response, limit));
        }

        var (buffer, length) = await ReadBoundedAsync(response, cancellationToken).ConfigureAwait(false);
        if (buffer is null)
        {
            return LakeFsAttempt<T>.Failed(LakeFsErrors.BodyTooLarge(response, limit));
        }

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
                return LakeFsAttempt<T>.Failed(LakeFsErrors.UnreadableBody(response, error));
            }

            return value is null ? LakeFsAttempt<T>.Failed(LakeFsErrors.EmptyBody(response)) : LakeFsAttempt<T>.Succeeded(value);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Reads the whole body into a pooled buffer (return it to <see cref="ArrayPool{T}.Shared"/>); a null buffer
    /// when the body is larger than the limit (nothing to return then).
    /// </summary>
    private async Task<(byte[]? Buffer, int Length)> ReadBoundedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var limit = _maxResponseBodySize;
        var declared = response.Content.Headers.ContentLength;
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
                            ArrayPool<byte>.Shared.Return(buffer);
                            return (null, 0);
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
                ArrayPool<byte>.Shared.Return(buffer);
                return (null, 0);
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
