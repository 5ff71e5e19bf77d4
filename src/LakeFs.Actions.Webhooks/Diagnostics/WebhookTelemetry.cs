using System.Diagnostics;
using System.Reflection;

namespace LakeFs.Actions.Webhooks;

/// <summary>
/// Tracing for webhook calls: an activity per hook call from the source <c>LakeFs.Actions.Webhooks</c>, tagged with
/// the event type, repository, branch, action and hook when it starts, and the outcome when it ends.
/// </summary>
internal static class WebhookTelemetry
{
    public const string Name = "LakeFs.Actions.Webhooks";
    public const string ActivityName = "lakefs.webhook";
    public const string EventTypeTag = "lakefs.event_type";
    public const string RepositoryTag = "lakefs.repository";
    public const string BranchTag = "lakefs.branch";
    public const string TagTag = "lakefs.tag";
    public const string ActionTag = "lakefs.action";
    public const string HookTag = "lakefs.hook";
    public const string OutcomeTag = "lakefs.hook.outcome";
    public const string StatusCodeTag = "http.response.status_code";
    public const string ErrorTypeTag = "error.type";

    private static readonly string Version =
        typeof(WebhookTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    public static readonly ActivitySource Source = new(Name, Version);

    public static Activity? StartHookCall(LakeFsEvent hookEvent)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var tags = new List<KeyValuePair<string, object?>>(7)
        {
            new(EventTypeTag, hookEvent.EventType.Value),
            new(RepositoryTag, hookEvent.RepositoryId),
            new(ActionTag, hookEvent.ActionName),
            new(HookTag, hookEvent.HookId),
        };
        if (hookEvent.BranchId is not null)
        {
            tags.Add(new(BranchTag, hookEvent.BranchId));
        }

        if (hookEvent.TagId is not null)
        {
            tags.Add(new(TagTag, hookEvent.TagId));
        }

        return Source.StartActivity($"{ActivityName} {hookEvent.EventType.Value}", ActivityKind.Internal, parentContext: default, tags);
    }
}
