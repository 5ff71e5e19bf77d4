using System.Globalization;
using System.Text;

namespace LakeFs.Actions.Webhooks.Tests.Infrastructure;

/// <summary>
/// Builds a webhook body the way lakeFS's Go <c>encoding/json</c> writes <c>EventInfo</c>: compact, keys in struct
/// order, empty fields omitted (an empty metadata map too), metadata keys sorted, and <c>&lt;</c>, <c>&gt;</c>,
/// <c>&amp;</c> escaped as <c>\u003c</c>, <c>\u003e</c>, <c>\u0026</c>.
/// </summary>
internal sealed record GoPayload(string EventType, string ActionName = "Require owner", string HookId = "owner_check", string RepositoryId = "example-repo")
{
    public const string EventTime = "2026-07-23T10:11:12Z";

    public string? BranchId { get; init; }
    public string? SourceRef { get; init; }
    public string? TagId { get; init; }
    public string? CommitId { get; init; }
    public string? CommitMessage { get; init; }
    public string? Committer { get; init; }
    public IReadOnlyDictionary<string, string>? CommitMetadata { get; init; }
    public string? MergeSource { get; init; }

    public string ToJson()
    {
        var json = new StringBuilder("{");
        Field(json, "event_type", EventType, first: true);
        Field(json, "event_time", EventTime);
        Field(json, "action_name", ActionName);
        Field(json, "hook_id", HookId);
        Field(json, "repository_id", RepositoryId);
        Optional(json, "branch_id", BranchId);
        Optional(json, "source_ref", SourceRef);
        Optional(json, "tag_id", TagId);
        Optional(json, "commit_id", CommitId);
        Optional(json, "commit_message", CommitMessage);
        Optional(json, "committer", Committer);
        if (CommitMetadata is { Count: > 0 } metadata)
        {
            json.Append(",\"commit_metadata\":{");
            var first = true;
            foreach (var pair in metadata.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                Field(json, pair.Key, pair.Value, first);
                first = false;
            }

            json.Append('}');
        }

        Optional(json, "merge_source", MergeSource);
        return json.Append('}').ToString();
    }

    private static void Optional(StringBuilder json, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            Field(json, key, value);
        }
    }

    private static void Field(StringBuilder json, string key, string value, bool first = false)
    {
        if (!first)
        {
            json.Append(',');
        }

        json.Append(Quote(key)).Append(':').Append(Quote(value));
    }

    public static string Quote(string value)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': quoted.Append("\\\""); break;
                case '\\': quoted.Append("\\\\"); break;
                case '\n': quoted.Append("\\n"); break;
                case '\r': quoted.Append("\\r"); break;
                case '\t': quoted.Append("\\t"); break;
                case '<' or '>' or '&' or '\u2028' or '\u2029':
                    quoted.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    if (c < 0x20)
                    {
                        quoted.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        quoted.Append(c);
                    }

                    break;
            }
        }

        return quoted.Append('"').ToString();
    }
}
