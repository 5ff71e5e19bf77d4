using System.Text;

namespace LakeFs.Actions.Client.Testing;

/// <summary>
/// The JSON lakeFS posts to a hook (its <c>EventInfo</c>), byte for byte as Go's <c>encoding/json</c> writes it:
/// compact, keys in lakeFS's order, empty fields omitted, <c>commit_metadata</c> keys sorted, Go's escaping.
/// </summary>
internal static class WebhookPayload
{
    public static string Create(HookEvent hookEvent, string actionName, string hookId, DateTimeOffset eventTime)
    {
        var json = new StringBuilder(256);
        json.Append('{');
        Field(json, "event_type", hookEvent.EventType, first: true);
        Field(json, "event_time", eventTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        Field(json, "action_name", actionName);
        Field(json, "hook_id", hookId);
        Field(json, "repository_id", hookEvent.RepositoryId);
        Optional(json, "branch_id", hookEvent.BranchId);
        Optional(json, "source_ref", hookEvent.SourceRef);
        Optional(json, "tag_id", hookEvent.TagId);
        Optional(json, "commit_id", hookEvent.CommitId);
        Optional(json, "commit_message", hookEvent.CommitMessage);
        Optional(json, "committer", hookEvent.Committer);
        if (hookEvent.CommitMetadata.Count > 0)
        {
            json.Append(",\"commit_metadata\":{");
            var first = true;
            foreach (var (key, value) in hookEvent.CommitMetadata.OrderBy(static p => p.Key, StringComparer.Ordinal))
            {
                if (!first)
                {
                    json.Append(',');
                }

                first = false;
                GoJson.WriteString(json, key);
                json.Append(':');
                GoJson.WriteString(json, value);
            }

            json.Append('}');
        }

        Optional(json, "merge_source", hookEvent.MergeSource);
        json.Append('}');
        return json.ToString();
    }

    private static void Optional(StringBuilder json, string name, string value)
    {
        if (value.Length > 0)
        {
            Field(json, name, value);
        }
    }

    private static void Field(StringBuilder json, string name, string value, bool first = false)
    {
        if (!first)
        {
            json.Append(',');
        }

        json.Append('"').Append(name).Append("\":");
        GoJson.WriteString(json, value);
    }
}
