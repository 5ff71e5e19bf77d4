using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace LakeFs.Actions.Client.Testing;

/// <summary>
/// Two webhooks the emulator serves itself (outside <c>/api/v1</c>, without authentication) for the demo action file
/// of <see cref="LakeFsActionsEmulator.SeedDemoActionsAsync"/>: <c>/_demo/hooks/no-wip</c> refuses an event whose
/// commit message contains <c>WIP</c> (400 with the reason), <c>/_demo/hooks/notify</c> accepts anything.
/// </summary>
internal static class DemoWebhooks
{
    public const string PathPrefix = "/_demo/hooks/";

    public const string ActionFile =
        "name: Demo checks\n" +
        "description: Served by the embedded demo server; commit with a message containing WIP to see a hook refuse it.\n" +
        "on:\n" +
        "  pre-commit:\n" +
        "    branches: [\"*\"]\n" +
        "  pre-merge:\n" +
        "    branches: [main]\n" +
        "hooks:\n" +
        "  - id: no_wip\n" +
        "    type: webhook\n" +
        "    properties:\n" +
        "      url: \"{endpoint}_demo/hooks/no-wip\"\n" +
        "      timeout: 10s\n";

    public const string NotifyFile =
        "name: Demo notifications\n" +
        "on:\n" +
        "  post-commit:\n" +
        "  post-merge:\n" +
        "  post-create-branch:\n" +
        "hooks:\n" +
        "  - id: notify\n" +
        "    type: webhook\n" +
        "    properties:\n" +
        "      url: \"{endpoint}_demo/hooks/notify\"\n";

    public static bool IsDemoPath(PathString path) => path.StartsWithSegments(PathPrefix.TrimEnd('/'), StringComparison.Ordinal);

    public static async Task AnswerAsync(HttpContext context, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        string message = string.Empty, eventType = string.Empty;
        try
        {
            using var payload = JsonDocument.Parse(buffer.ToArray());
            message = payload.RootElement.TryGetProperty("commit_message", out var m) ? m.GetString() ?? string.Empty : string.Empty;
            eventType = payload.RootElement.TryGetProperty("event_type", out var e) ? e.GetString() ?? string.Empty : string.Empty;
        }
        catch (JsonException)
        {
        }

        var (status, text) = context.Request.Path.Value switch
        {
            PathPrefix + "no-wip" when message.Contains("WIP", StringComparison.Ordinal) => (StatusCodes.Status400BadRequest, "commit message contains WIP\n"),
            PathPrefix + "no-wip" => (StatusCodes.Status200OK, "no WIP in the commit message\n"),
            PathPrefix + "notify" => (StatusCodes.Status200OK, $"notified: {eventType}\n"),
            _ => (StatusCodes.Status404NotFound, "no such demo hook\n"),
        };
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken).ConfigureAwait(false);
    }
}
