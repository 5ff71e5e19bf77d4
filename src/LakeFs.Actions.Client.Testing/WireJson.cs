using System.Text;
using Newtonsoft.Json;

namespace LakeFs.Actions.Client.Testing;

/// <summary>Writes response bodies exactly as lakeFS sends them (field names, omitted fields, time format).</summary>
internal static class WireJson
{
    private const int MaxPerPage = 1000;
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static byte[] Error(string message) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WritePropertyName("message");
        writer.WriteValue(message);
        writer.WriteEndObject();
    });

    public static byte[] Repository(RepositoryRecord repository) => Write(writer => WriteRepository(writer, repository));

    /// <summary>The answer of a bare create, which lakeFS sends without <c>read_only</c>.</summary>
    public static byte[] BareRepository(RepositoryRecord repository) => Write(writer => WriteRepository(writer, repository, includeReadOnly: false));

    public static byte[] Metadata(IReadOnlyDictionary<string, string> metadata) => Write(writer => WriteMap(writer, metadata));

    /// <summary>GC rules as lakeFS sends them: <c>branches</c> is null (a Go nil slice) when there is no branch rule.</summary>
    public static byte[] GcRules(GcRulesRecord rules) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WritePropertyName("branches");
        if (rules.BranchRetentionDays.Count == 0)
        {
            writer.WriteNull();
        }
        else
        {
            writer.WriteStartArray();

            // lakeFS ranges over a Go map, so the order is not the order the rules were set in.
            foreach (var (branch, days) in rules.BranchRetentionDays.OrderByDescending(static p => p.Key, StringComparer.Ordinal))
            {
                writer.WriteStartObject();
                writer.WritePropertyName("branch_id");
                writer.WriteValue(branch);
                writer.WritePropertyName("retention_days");
                writer.WriteValue(days);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WritePropertyName("default_retention_days");
        writer.WriteValue(rules.DefaultRetentionDays);
        writer.WriteEndObject();
    });

    /// <summary>Branch protection rules; like lakeFS (a Go map), not in the order they were set.</summary>
    public static byte[] ProtectionRules(IEnumerable<string> patterns) => Write(writer =>
    {
        writer.WriteStartArray();
        foreach (var pattern in patterns.OrderByDescending(static p => p, StringComparer.Ordinal))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("pattern");
            writer.WriteValue(pattern);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });

    public static byte[] TaskInfo(string id) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WritePropertyName("id");
        writer.WriteValue(id);
        writer.WriteEndObject();
    });

    /// <summary>A dump or restore task status; <c>refs</c> only for a dump that is done and whose first step succeeded.</summary>
    public static byte[] TaskStatus(RepositoryTask task, bool withRefs) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WritePropertyName("done");
        writer.WriteValue(task.Done);
        if (task.Error is { } error)
        {
            writer.WritePropertyName("error");
            writer.WriteValue(error);
        }

        writer.WritePropertyName("id");
        writer.WriteValue(task.Id);
        if (withRefs && task.Done && task.Refs is { } refs)
        {
            writer.WritePropertyName("refs");
            writer.WriteStartObject();
            writer.WritePropertyName("branches_meta_range_id");
            writer.WriteValue(refs.Branches);
            writer.WritePropertyName("commits_meta_range_id");
            writer.WriteValue(refs.Commits);
            writer.WritePropertyName("tags_meta_range_id");
            writer.WriteValue(refs.Tags);
            writer.WriteEndObject();
        }

        writer.WritePropertyName("update_time");
        writer.WriteValue(GoTimeFormat.Format(task.UpdateTime));
        writer.WriteEndObject();
    });

    public static byte[] RepositoryList(IReadOnlyList<RepositoryRecord> page, bool hasMore) =>
        Write(writer => WriteList(writer, page, hasMore, static r => r.Id, WriteRepository));

    public static byte[] Run(RunRecord run) => Write(writer => WriteRun(writer, run));

    public static byte[] RunList(IReadOnlyList<RunRecord> page, bool hasMore) =>
        Write(writer => WriteList(writer, page, hasMore, static r => r.RunId, WriteRun));

    public static byte[] HookList(IReadOnlyList<HookRecord> page, bool hasMore) =>
        Write(writer => WriteList(writer, page, hasMore, static h => h.HookRunId, WriteHook));

    /// <summary>A page in lakeFS's list envelope: <c>pagination</c> (next_offset = the last item's id when there is more) and <c>results</c>.</summary>
    internal static void WriteList<T>(JsonWriter writer, IReadOnlyList<T> page, bool hasMore, Func<T, string> id, Action<JsonWriter, T> writeItem)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("pagination");
        writer.WriteStartObject();
        writer.WritePropertyName("has_more");
        writer.WriteValue(hasMore);
        writer.WritePropertyName("next_offset");
        writer.WriteValue(hasMore && page.Count > 0 ? id(page[^1]) : string.Empty);
        writer.WritePropertyName("results");
        writer.WriteValue(page.Count);
        writer.WritePropertyName("max_per_page");
        writer.WriteValue(MaxPerPage);
        writer.WriteEndObject();
        writer.WritePropertyName("results");
        writer.WriteStartArray();
        foreach (var item in page)
        {
            writeItem(writer, item);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteRepository(JsonWriter writer, RepositoryRecord repository) => WriteRepository(writer, repository, includeReadOnly: true);

    private static void WriteRepository(JsonWriter writer, RepositoryRecord repository, bool includeReadOnly)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("id");
        writer.WriteValue(repository.Id);
        writer.WritePropertyName("creation_date");
        writer.WriteValue(repository.CreationDate.ToUnixTimeSeconds());
        writer.WritePropertyName("default_branch");
        writer.WriteValue(repository.DefaultBranch);
        writer.WritePropertyName("storage_namespace");
        writer.WriteValue(repository.StorageNamespace);
        writer.WritePropertyName("storage_id");
        writer.WriteValue(repository.StorageId);
        if (includeReadOnly)
        {
            writer.WritePropertyName("read_only");
            writer.WriteValue(repository.ReadOnly);
        }

        writer.WriteEndObject();
    }

    private static void WriteRun(JsonWriter writer, RunRecord run)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("run_id");
        writer.WriteValue(run.RunId);
        writer.WritePropertyName("branch");
        writer.WriteValue(run.Branch);
        writer.WritePropertyName("start_time");
        writer.WriteValue(GoTimeFormat.Format(run.StartTime));
        writer.WritePropertyName("end_time");
        writer.WriteValue(GoTimeFormat.Format(run.EndTime));
        writer.WritePropertyName("event_type");
        writer.WriteValue(run.EventType);
        writer.WritePropertyName("status");
        writer.WriteValue(run.Status.Value);
        writer.WritePropertyName("commit_id");
        writer.WriteValue(run.CommitId);
        writer.WriteEndObject();
    }

    private static void WriteHook(JsonWriter writer, HookRecord hook)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("hook_run_id");
        writer.WriteValue(hook.HookRunId);
        writer.WritePropertyName("action");
        writer.WriteValue(hook.Action);
        writer.WritePropertyName("hook_id");
        writer.WriteValue(hook.HookId);
        writer.WritePropertyName("start_time");
        writer.WriteValue(hook.StartTime is { } start ? GoTimeFormat.Format(start) : GoTimeFormat.ZeroTime);
        if (hook.EndTime is { } end)
        {
            writer.WritePropertyName("end_time");
            writer.WriteValue(GoTimeFormat.Format(end));
        }

        writer.WritePropertyName("status");
        writer.WriteValue(hook.Status.Value);
        writer.WriteEndObject();
    }

    /// <summary>A string map (metadata) as an object with its keys in ordinal order.</summary>
    internal static void WriteMap(JsonWriter writer, IReadOnlyDictionary<string, string> map)
    {
        writer.WriteStartObject();
        foreach (var (key, value) in map.OrderBy(static p => p.Key, StringComparer.Ordinal))
        {
            writer.WritePropertyName(key);
            writer.WriteValue(value);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes compact UTF-8 JSON (no BOM).</summary>
    internal static byte[] Write(Action<JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var text = new StreamWriter(buffer, Utf8NoBom, bufferSize: 4096, leaveOpen: true))
        using (var writer = new GoJsonTextWriter(text))
        {
            write(writer);
        }

        return buffer.ToArray();
    }
}
