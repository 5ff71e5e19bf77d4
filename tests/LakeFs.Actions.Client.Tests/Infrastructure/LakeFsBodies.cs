using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LakeFs.Actions.Client.Tests.Infrastructure;

/// <summary>JSON bodies shaped the way a lakeFS server writes them.</summary>
internal static class LakeFsBodies
{
    public static readonly DateTimeOffset T0 = new(2026, 7, 23, 10, 0, 0, TimeSpan.Zero);

    public static JObject Run(string id, DateTimeOffset? start = null, string status = "completed", string eventType = "post-commit", string branch = "main", string commit = "c0ffee") => new()
    {
        ["run_id"] = id,
        ["branch"] = branch,
        ["start_time"] = Time(start ?? T0),
        ["end_time"] = Time((start ?? T0).AddSeconds(1)),
        ["event_type"] = eventType,
        ["status"] = status,
        ["commit_id"] = commit,
    };

    public static JObject Hook(string id, string status = "completed", DateTimeOffset? start = null) => new()
    {
        ["hook_run_id"] = id,
        ["action"] = "check",
        ["hook_id"] = "hook" + id,
        ["start_time"] = Time(start ?? T0),
        ["end_time"] = Time((start ?? T0).AddSeconds(1)),
        ["status"] = status,
    };

    public static JObject Repository(string id) => new()
    {
        ["id"] = id,
        ["creation_date"] = 1753264800L,
        ["default_branch"] = "main",
        ["storage_namespace"] = "s3://bucket/" + id,
    };

    /// <summary>A listing page: <c>next_offset</c> is set only when <paramref name="hasMore"/>, like lakeFS does.</summary>
    public static string Page(IEnumerable<JObject> results, bool hasMore = false, string? nextOffset = null)
    {
        var items = new JArray(results);
        var page = new JObject
        {
            ["pagination"] = new JObject
            {
                ["has_more"] = hasMore,
                ["next_offset"] = nextOffset ?? (hasMore ? (string?)items.Last?["run_id"] ?? (string?)items.Last?["hook_run_id"] ?? (string?)items.Last?["id"] ?? "" : ""),
                ["results"] = items.Count,
                ["max_per_page"] = 1000,
            },
            ["results"] = items,
        };
        return page.ToString(Formatting.None);
    }

    public static string RunPage(bool hasMore, params string[] ids) => Page(ids.Select(id => Run(id)), hasMore);

    public static string Error(string message) => new JObject { ["message"] = message }.ToString(Formatting.None);

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
