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
        return (await SendAsync(request, target.Text, settings.Timeout, log, call, cancellationToken).ConfigureAwait(false)).Error;
    }

    /// <summary>Triggers an airflow DAG run (and waits for it when asked) as lakeFS's airflow hook does.</summary>
    public async Task<string?> SendAirflowAsync(AirflowSettings settings, string payload, string dagRunId, StringBuilder log, Func<string, IReadOnlyList<KeyValuePair<string, string>>, WebhookCall> record, CancellationToken cancellationToken)
    {
        var dagRunsUrl = settings.Url.TrimEnd('/') + "/api/v1/dags/" + Uri.EscapeDataString(settings.DagId) + "/dagRuns";
        var conf = new Dictionary<string, object?>(settings.DagConf, StringComparer.Ordinal) { ["lakeFS_event"] = new RawJson(payload) };

        // Go's DagRunReq: dag_run_id first, then conf (map keys sorted).
        var body = new StringBuilder("{\"dag_run_id\":");
        GoJson.WriteString(body, dagRunId);
        body.Append(",\"conf\":");
        WriteValue(body, conf);
        body.Append('}');
        var json = body.ToString();

        log.Append("Request:\n").Append("POST ").Append(dagRunsUrl).Append('\n')
            .Append("Username: ").Append(settings.Username).Append(", Password: ").Append(settings.Password.Shown).Append('\n')
            .Append("Body: ").Append(json).Append("\n\n\n");
        if (!Uri.TryCreate(dagRunsUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            log.Append("Request duration: ").Append(GoDurationText.Format(TimeSpan.Zero)).Append('\n');
            var scheme = dagRunsUrl.Contains(':', StringComparison.Ordinal) ? dagRunsUrl[..dagRunsUrl.IndexOf(':', StringComparison.Ordinal)].ToLowerInvariant() : string.Empty;
            return $"failed executing airflow request: Post \"{dagRunsUrl}\": unsupported protocol scheme \"{scheme}\"";
        }

        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(settings.Username + ":" + settings.Password.Value));
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Version = HttpVersion.Version11, Content = new ByteArrayContent(Encoding.UTF8.GetBytes(json)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("User-Agent", GoUserAgent);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
        var call = record(uri.AbsoluteUri, [new("Content-Type", "application/json"), new("Authorization", "Basic " + basic)]);
        var sent = await SendAsync(request, uri.AbsoluteUri, AirflowRequestTimeout, log, call, cancellationToken, requireOk: true).ConfigureAwait(false);
        if (sent.Error is not null || !settings.WaitForDag)
        {
            return sent.Transport ? "failed executing airflow request: " + sent.Error : sent.Error;
        }

        // Poll every 5 s (first after 5 s) until success or failed, within the hook's timeout.
        log.Append("\nWaiting for DAG to complete...\n");
        var pollUrl = uri.AbsoluteUri + "/" + Uri.EscapeDataString(dagRunId);
        var deadline = _time.GetUtcNow() + settings.Timeout;
        while (true)
        {
            var wait = TimeSpan.FromSeconds(5);
            var left = deadline - _time.GetUtcNow();
            if (left <= wait)
            {
                if (left > TimeSpan.Zero)
                {
                    await Task.Delay(left, _time, cancellationToken).ConfigureAwait(false);
                }

                return "context deadline exceeded";
            }

            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            log.Append("Request:\nGET ").Append(pollUrl).Append("\n\n");
            using var poll = new HttpRequestMessage(HttpMethod.Get, new Uri(pollUrl)) { Version = HttpVersion.Version11 };
            poll.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
            poll.Headers.TryAddWithoutValidation("User-Agent", GoUserAgent);
            var answer = await SendAsync(poll, pollUrl, AirflowRequestTimeout, log, null, cancellationToken, requireOk: true).ConfigureAwait(false);
            if (answer.Error is not null)
            {
                return answer.Error;
            }

            string state;
            try
            {
                using var document = System.Text.Json.JsonDocument.Parse(answer.Body ?? []);
                state = document.RootElement.TryGetProperty("state", out var s) && s.ValueKind == System.Text.Json.JsonValueKind.String ? s.GetString()! : string.Empty;
            }
            catch (System.Text.Json.JsonException e)
            {
                return answer.Body is null ? answer.DumpError ?? "unexpected EOF" : e.Message;
            }

            log.Append("\nDAG completed with state: ").Append(state).Append('\n');
            if (state == "success")
            {
                return null;
            }

            if (state == "failed")
            {
                return "airflow hook DAG failed";
            }
        }
    }

    private static readonly TimeSpan AirflowRequestTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Sends a request as Go's client with a whole-request timeout and logs the duration and Go's response dump.
    /// A body that cannot be read is logged as <c>Failed dumping response: ...</c> and, as in lakeFS, does not fail
    /// the request by itself: the status code decides.
    /// </summary>
    private async Task<SendOutcome> SendAsync(HttpRequestMessage request, string url, TimeSpan? timeout, StringBuilder log, WebhookCall? call, CancellationToken cancellationToken, bool requireOk = false)
    {
        var method = request.Method.Method;
        var op = method[..1] + method[1..].ToLowerInvariant();
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
            error = $"{op} \"{url}\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)";
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            error = $"{op} \"{url}\": context canceled";
        }
        catch (HttpRequestException e)
        {
            error = $"{op} \"{url}\": {TransportError(request.RequestUri!, e)}";
        }

        log.Append("Request duration: ").Append(GoDurationText.Format(_time.GetElapsedTime(started))).Append('\n');
        if (response is null)
        {
            if (call is not null)
            {
                call.Error = error;
            }

            return new SendOutcome(error, null, null, Transport: true);
        }

        using (response)
        {
            if (call is not null)
            {
                call.StatusCode = (int)response.StatusCode;
            }

            byte[]? body = null;
            string? dumpError = null;
            try
            {
                body = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or HttpRequestException or IOException)
            {
                dumpError = deadline.IsCancellationRequested
                    ? "context deadline exceeded (Client.Timeout or context cancellation while reading body)"
                    : "unexpected EOF";
            }

            log.Append("\nResponse:\n");
            if (body is null)
            {
                log.Append("Failed dumping response: ").Append(dumpError);
            }
            else
            {
                log.Append(GoResponseDump.Format(response, body));
            }

            var code = (int)response.StatusCode;
            error = requireOk
                ? code == 200 ? null : $"status code ({code}): airflow hook request failed"
                : code is >= 200 and < 300 ? null : $"webhook request failed (status code: {code})";
            if (call is not null)
            {
                call.Error = error;
            }

            return new SendOutcome(error, body, dumpError, Transport: false);
        }
    }

    /// <summary>What one request ended with: the failure cause (null on success), the body when it could be read, and whether the transport failed.</summary>
    private sealed record SendOutcome(string? Error, byte[]? Body, string? DumpError, bool Transport);

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
