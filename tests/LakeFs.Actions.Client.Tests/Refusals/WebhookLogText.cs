namespace LakeFs.Actions.Client.Tests.Refusals;

/// <summary>A hook log in the shape lakeFS writes for a webhook that answered a failure (reference: authoring §7).</summary>
internal static class WebhookLogText
{
    public static string Refused(string reason, int status = 412) =>
        "Request:\nPOST http://owner-check:8089/hooks/require-owner\nQuery Params:\nHeaders:\nContent-Type: application/json\nX-LakeFs-Webhook-Secret: *******\n" +
        "Request Body:\n{\"event_type\":\"pre-commit\",\"event_time\":\"2026-07-23T10:11:12Z\",\"action_name\":\"Require owner\",\"hook_id\":\"owner_check\",\"repository_id\":\"repo\",\"branch_id\":\"main\",\"source_ref\":\"main\"}\n\n\n" +
        "Request duration: 12.345ms\n\nResponse:\n" +
        $"HTTP/1.1 {status} Precondition Failed\r\nContent-Length: {reason.Length + 1}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" +
        reason + "\n" +
        $"Error: action failed: webhook request failed (status code: {status})";
}
