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
        var target = GoWebhookUrl.Build(settings.Url, [.. settings.QueryParams.Select(static p => new KeyValuePair<string, string>(p.Key, p.Value.Value))]);
        Uri? uri = null;
        if (target.IsHttp && !Uri.TryCreate(target.Text, UriKind.Absolute, out uri))
        {
            // Go could not even build the request: the log stops after the URL line.
            return $"parse \"{settings.Url}\": invalid URL";
        }

        log.Append("Query Params:\n");
        foreach (var (key, value) in settings.QueryParams)
        {
            log.Append(key).Append(": ").Append(value.Shown).Append('\n');
        }

        // lakeFS puts Content-Type into the hook's header map (replacing a user's "Content-Type", not a differently cased one).
        log.Append("Headers:\n").Append("Content-Type: application/json\n");
        foreach (var (key, value) in settings.Headers)
        {
            if (!string.Equals(key, "Content-Type", StringComparison.Ordinal))
            {
                log.Append(key).Append(": ").Append(value.Shown).Append('\n');
            }
        }

        log.Append("Request Body:\n").Append(payload).Append("\n\n\n");
        if (uri is null)
        {
            // The request was built; Go's client refuses the scheme when sending it.
            log.Append("Request duration: ").Append(GoDurationText.Format(TimeSpan.Zero)).Append('\n');
            return $"Post \"{target.Text}\": unsupported protocol scheme \"{target.Scheme}\"";
        }

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

        var call = record(target.Text, sent);
        return await SendAsync(request, target.Text, settings.Timeout, log, call, cancellationToken).ConfigureAwait(false);
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
        var error = await SendAsync(request, uri.AbsoluteUri, TimeSpan.FromSeconds(5), log, call, cancellationToken, requireOk: true).ConfigureAwait(false);
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

    private async Task<string?> SendAsync(HttpRequestMessage request, string url, TimeSpan? timeout, StringBuilder log, WebhookCall call, CancellationToken cancellationToken, bool requireOk = false)
    {
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
            error = $"Post \"{url}\": {TransportError(request.RequestUri!, e)}";
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
