namespace LakeFs.Actions.Client.Testing;

/// <summary>
/// One HTTP request the emulator's actions engine sent for a webhook or airflow hook, as sent, and what came back.
/// Read them from <see cref="LakeFsActionsEmulator.WebhookCalls"/>.
/// </summary>
public sealed class WebhookCall
{
    internal WebhookCall(string runId, string hookRunId, string eventType, string actionName, string hookId, string url, IReadOnlyList<KeyValuePair<string, string>> headers, string body)
    {
        RunId = runId;
        HookRunId = hookRunId;
        EventType = eventType;
        ActionName = actionName;
        HookId = hookId;
        Url = url;
        Headers = headers;
        Body = body;
    }

    /// <summary>Id of the run the hook belongs to.</summary>
    public string RunId { get; }

    /// <summary>Hook run id, <c>AAAA_HHHH</c>.</summary>
    public string HookRunId { get; }

    /// <summary>The event, e.g. <c>pre-commit</c>.</summary>
    public string EventType { get; }

    /// <summary>Name of the action.</summary>
    public string ActionName { get; }

    /// <summary>Id of the hook.</summary>
    public string HookId { get; }

    /// <summary>The method, always <c>POST</c>.</summary>
    public string Method => "POST";

    /// <summary>The URL requested, with the hook's query parameters added.</summary>
    public string Url { get; }

    /// <summary>The headers the emulator set (values as sent, secrets included), in the order it set them.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>The request body (the event payload JSON).</summary>
    public string Body { get; }

    /// <summary>The response status, or null when no response came (timeout, connection error).</summary>
    public int? StatusCode { get; internal set; }

    /// <summary>The error the hook failed with (without <c>action failed: </c>), or null when it succeeded.</summary>
    public string? Error { get; internal set; }

    /// <summary>The event, hook, URL without its query (query parameters may hold ENV secrets) and outcome.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString()
    {
        var query = Url.IndexOf('?', StringComparison.Ordinal);
        var url = query < 0 ? Url : Url[..query];
        return $"{EventType} {ActionName}/{HookId} POST {url} -> {(StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no response")}";
    }
}
