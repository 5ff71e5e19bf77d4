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
/// operation and call <see cref="SendForJsonAsync{T}"/> or <see cref="SendForStreamAsync"/>, which put the
/// operation's declaration on the request, add the per-request headers and read the answer. A JSON body is
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

    private HttpRequestMessage CreateRequest(LakeFsOperation operation, string url)
    {
        var request = new HttpRequestMessage(operation.Method, new Uri(url, UriKind.RelativeOrAbsolute));
        request.Options.Set(LakeFsOperation.Key, operation);
        request.Headers.UserAgent.Add(UserAgent);
        if (_authorization is not null)
        {
            request.Headers.Authorization = _authorization;
        }

        return request;
    }

    /// <summary>Sends the request and reads its JSON answer as <typeparamref name="T"/>.</summary>
    private async Task<T> SendForJsonAsync<T>(LakeFsOperation operation, string url, CancellationToken cancellationToken)
    {
        using var request = CreateRequest(operation, url);
        request.Headers.Accept.Add(Json);
        using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            // The response handler already turns these into exceptions; this keeps a client without it honest.
            throw await LakeFsErrors.FromResponseAsync(response, operation, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        }

        var (buffer, length) = await ReadBoundedAsync(response, operation, cancellationToken).ConfigureAwait(false);
        try
        {
            using var text = new StreamReader(new MemoryStream(buffer, 0, length, writable: false), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            using var json = new JsonTextReader(text);
            T? value;
            try
            {
                value = JsonSerializer.Create(LakeFsJson.Settings).Deserialize<T>(json);
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

    /// <summary>Sends the request and returns the answer with its body unread, for the caller to stream (and dispose).</summary>
    private async Task<HttpResponseMessage> SendForStreamAsync(LakeFsOperation operation, string url, CancellationToken cancellationToken)
    {
        using var request = CreateRequest(operation, url);
        var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                throw await LakeFsErrors.FromResponseAsync(response, operation, TimeProvider.System, cancellationToken).ConfigureAwait(false);
            }
        }

        return response;
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
}
