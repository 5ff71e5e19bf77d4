using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace LakeFs.Actions.Client.Testing;

/// <summary>
/// Calls webhooks and airflow DAG runs over real HTTP as lakeFS's Go client does (POST, exactly
/// <c>Content-Type: application/json</c>, Go's user agent, the whole-request timeout measured on the emulator's
/// clock) and writes the hook log in lakeFS's format.
/// </summary>
internal sealed class WebhookSender : IDisposable
{
    private const string GoUserAgent = "Go-http-client/1.1";
    private readonly HttpClient _http;
    private readonly TimeProvider _time;

    public WebhookSender(TimeProvider time)
    {
        _time = time;
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false, AutomaticDecompression = DecompressionMethods.GZip, UseCookies = false })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public void Dispose() => _http.Dispose();

    /// <summary>Runs one webhook; returns the failure cause (null on success). The log and the call record are filled in.</summary>
    public async Task<string?> SendWebhookAsync(WebhookSettings settings, string payload, StringBuilder log, Func<string, IReadOnlyList<KeyValuePair<string, string>>, WebhookCall> record, CancellationToken cancellationToken)
    {
        log.Append("Request:\n").Append("POST ").Append(settings.Url).Append('\n');
        if (!TryBuildUri(settings.Url, settings.QueryParams, out var uri, out var buildError))
        {
            return buildError;
        }

        log.Append("Query Params:\n");
        foreach (var (key, value) in settings.QueryParams)
        {
            log.Append(key).Append(": ").Append(value.Shown).Append('\n');
        }

        log.Append("Headers:\n").Append("Content-Type: application/json\n");
        foreach (var (key, value) in settings.Headers)
        {
            log.Append(key).Append(": ").Append(value.Shown).Append('\n');
        }

        log.Append("Request Body:\n").Append(payload).Append("\n\n\n");

        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Version = HttpVersion.Version11 };
        request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(payload));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("User-Agent", GoUserAgent);
        var sent = new List<KeyValuePair<string, string>> { new("Content-Type", "application/json") };
        foreach (var (key, value) in settings.Headers)
        {
            if (key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                // lakeFS sets the header after the user's: Content-Type is always application/json.
                continue;
            }

            if (!request.Headers.TryAddWithoutValidation(key, value.Value))
            {
                request.Content.Headers.TryAddWithoutValidation(key, value.Value);
            }

            sent.Add(new(key, value.Value));
        }

        var call = record(uri.AbsoluteUri, sent);
        return await SendAsync(request, settings.Timeout, log, call, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Triggers an airflow DAG run (and waits for it when asked) as lakeFS's airflow hook does.</summary>
    public async Task<string?> SendAirflowAsync(AirflowSettings settings, string payload, string dagRunId, StringBuilder log, Func<string, IReadOnlyList<KeyValuePair<string, string>>, WebhookCall> record, CancellationToken cancellationToken)
    {
        var dagRunsUrl = settings.Url.TrimEnd('/') + "/api/v1/dags/" + Uri.EscapeDataString(settings.DagId) + "/dagRuns";
        var conf = new Dictionary<string, object?>(settings.DagConf, StringComparer.Ordinal) { ["lakeFS_event"] = new RawJson(payload) };
        var body = new StringBuilder("{\"conf\":");
        WriteValue(body, conf);
        body.Append(",\"dag_run_id\":");
        GoJson.WriteString(body, dagRunId);
        body.Append('}');
        var json = body.ToString();

        log.Append("Request:\n").Append("POST ").Append(dagRunsUrl).Append('\n')
            .Append("Username: ").Append(settings.Username).Append(", Password: ").Append(settings.Password.Shown).Append('\n')
            .Append("Body: ").Append(json).Append('\n');
        if (!Uri.TryCreate(dagRunsUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return $"Post \"{dagRunsUrl}\": unsupported protocol scheme";
        }

        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(settings.Username + ":" + settings.Password.Value));
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Version = HttpVersion.Version11, Content = new ByteArrayContent(Encoding.UTF8.GetBytes(json)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("User-Agent", GoUserAgent);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
        var call = record(uri.AbsoluteUri, [new("Content-Type", "application/json"), new("Authorization", "Basic " + basic)]);
        var error = await SendAsync(request, TimeSpan.FromSeconds(5), log, call, cancellationToken, requireOk: true).ConfigureAwait(false);
        if (error is not null || !settings.WaitForDag)
        {
            return error;
        }

        log.Append("Waiting for DAG to complete...\n");
        var deadline = _time.GetUtcNow() + settings.Timeout;
        while (_time.GetUtcNow() < deadline)
        {
            await Task.Delay(TimeSpan.FromSeconds(5), _time, cancellationToken).ConfigureAwait(false);
            using var poll = new HttpRequestMessage(HttpMethod.Get, new Uri(uri.AbsoluteUri + "/" + Uri.EscapeDataString(dagRunId))) { Version = HttpVersion.Version11 };
            poll.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
            poll.Headers.TryAddWithoutValidation("User-Agent", GoUserAgent);
            using var requestTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(5), _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, requestTimeout.Token);
            string state;
            try
            {
                using var response = await _http.SendAsync(poll, linked.Token).ConfigureAwait(false);
                var text = await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false);
                using var document = System.Text.Json.JsonDocument.Parse(text);
                state = document.RootElement.TryGetProperty("state", out var s) ? s.GetString() ?? string.Empty : string.Empty;
            }
            catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException || (e is OperationCanceledException && requestTimeout.IsCancellationRequested))
            {
                return requestTimeout.IsCancellationRequested
                    ? $"Get \"{poll.RequestUri}\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)"
                    : $"Get \"{poll.RequestUri}\": {e.Message}";
            }

            log.Append("DAG completed with state: ").Append(state).Append('\n');
            if (state == "success")
            {
                return null;
            }

            if (state == "failed")
            {
                return "airflow hook DAG failed";
            }
        }

        return "airflow hook timed out";
    }

    private async Task<string?> SendAsync(HttpRequestMessage request, TimeSpan? timeout, StringBuilder log, WebhookCall call, CancellationToken cancellationToken, bool requireOk = false)
    {
        var url = request.RequestUri!.AbsoluteUri;
        using var deadline = timeout is { } limit ? new CancellationTokenSource(limit, _time) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var started = _time.GetTimestamp();
        HttpResponseMessage? response = null;
        string? error = null;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            error = $"Post \"{url}\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)";
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            error = $"Post \"{url}\": context canceled";
        }
        catch (HttpRequestException e)
        {
            error = $"Post \"{url}\": {TransportError(request.RequestUri, e)}";
        }

        log.Append("Request duration: ").Append(GoDurationText.Format(_time.GetElapsedTime(started))).Append('\n');
        if (response is null)
        {
            call.Error = error;
            return error;
        }

        using (response)
        {
            call.StatusCode = (int)response.StatusCode;
            byte[] body;
            try
            {
                body = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or HttpRequestException or IOException)
            {
                error = deadline.IsCancellationRequested
                    ? "context deadline exceeded (Client.Timeout or context cancellation while reading body)"
                    : "unexpected EOF";
                call.Error = error;
                return error;
            }

            log.Append("\nResponse:\n").Append(GoResponseDump.Format(response, body));
            var code = (int)response.StatusCode;
            error = requireOk
                ? code == 200 ? null : $"status code ({code}): airflow hook request failed"
                : code is >= 200 and < 300 ? null : $"webhook request failed (status code: {code})";
            call.Error = error;
            return error;
        }
    }

    /// <summary>The URL with the hook's query parameters added and the query re-encoded with sorted keys (Go's <c>url.Values.Encode</c>).</summary>
    private static bool TryBuildUri(string url, IReadOnlyList<KeyValuePair<string, SecretValue>> queryParams, out Uri uri, out string? error)
    {
        uri = null!;
        error = null;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
        {
            var scheme = url.Contains("://", StringComparison.Ordinal) ? url[..url.IndexOf("://", StringComparison.Ordinal)] : string.Empty;
            error = $"Post \"{url}\": unsupported protocol scheme \"{scheme}\"";
            return false;
        }

        if (queryParams.Count == 0)
        {
            uri = parsed;
            return true;
        }

        var values = new List<KeyValuePair<string, string>>();
        var existing = parsed.Query.TrimStart('?');
        foreach (var part in existing.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var key = eq < 0 ? part : part[..eq];
            var value = eq < 0 ? string.Empty : part[(eq + 1)..];
            GoText.TryQueryUnescape(key, out key, out _);
            GoText.TryQueryUnescape(value, out value, out _);
            values.Add(new(key, value));
        }

        values.AddRange(queryParams.Select(static p => new KeyValuePair<string, string>(p.Key, p.Value.Value)));
        var query = string.Join('&', values
            .Select((p, i) => (p, i))
            .OrderBy(static x => x.p.Key, StringComparer.Ordinal).ThenBy(static x => x.i)
            .Select(static x => GoQueryEscape(x.p.Key) + "=" + GoQueryEscape(x.p.Value)));
        uri = new UriBuilder(parsed) { Query = query }.Uri;
        return true;
    }

    /// <summary>Go's <c>url.QueryEscape</c>: unreserved characters stay, a space becomes <c>+</c>, the rest <c>%XX</c> (upper case).</summary>
    private static string GoQueryEscape(string value)
    {
        var text = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                text.Append(c);
            }
            else if (c == ' ')
            {
                text.Append('+');
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }

    /// <summary>The transport error as Go words the common ones.</summary>
    private static string TransportError(Uri uri, HttpRequestException e)
    {
        if (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
        {
            return $"dial tcp {uri.Host}:{uri.Port}: connect: connection refused";
        }

        if (e.HttpRequestError is HttpRequestError.InvalidResponse)
        {
            return "net/http: HTTP/1.x transport connection broken: malformed HTTP response";
        }

        if (e.HttpRequestError is HttpRequestError.ResponseEnded)
        {
            return "EOF";
        }

        return e.Message;
    }

    private static void WriteValue(StringBuilder json, object? value)
    {
        switch (value)
        {
            case null:
                json.Append("null");
                break;
            case RawJson raw:
                json.Append(raw.Json);
                break;
            case string text:
                GoJson.WriteString(json, text);
                break;
            case bool flag:
                json.Append(flag ? "true" : "false");
                break;
            case long or int or double:
                json.Append(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case IReadOnlyDictionary<string, object?> map:
                json.Append('{');
                var first = true;
                foreach (var (key, item) in map.OrderBy(static p => p.Key, StringComparer.Ordinal))
                {
                    if (!first)
                    {
                        json.Append(',');
                    }

                    first = false;
                    GoJson.WriteString(json, key);
                    json.Append(':');
                    WriteValue(json, item);
                }

                json.Append('}');
                break;
            case IEnumerable<object?> list:
                json.Append('[');
                var firstItem = true;
                foreach (var item in list)
                {
                    if (!firstItem)
                    {
                        json.Append(',');
                    }

                    firstItem = false;
                    WriteValue(json, item);
                }

                json.Append(']');
                break;
            default:
                GoJson.WriteString(json, value.ToString() ?? string.Empty);
                break;
        }
    }

    private sealed record RawJson(string Json);
}
