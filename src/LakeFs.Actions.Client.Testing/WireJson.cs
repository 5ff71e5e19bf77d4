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

    public static byte[] RepositoryList(IReadOnlyList<RepositoryRecord> page, bool hasMore) =>
        Write(writer => WriteList(writer, page, hasMore, static r => r.Id, WriteRepository));

    public static byte[] Run(RunRecord run) => Write(writer => WriteRun(writer, run));

    public static byte[] RunList(IReadOnlyList<RunRecord> page, bool hasMore) =>
        Write(writer => WriteList(writer, page, hasMore, static r => r.RunId, WriteRun));

    public static byte[] HookList(IReadOnlyList<HookRecord> page, bool hasMore) =>
        Write(writer => WriteList(writer, page, hasMore, static h => h.HookRunId, WriteHook));

    private static void WriteList<T>(JsonWriter writer, IReadOnlyList<T> page, bool hasMore, Func<T, string> id, Action<JsonWriter, T> writeItem)
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

    private static void WriteRepository(JsonWriter writer, RepositoryRecord repository)
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
        writer.WritePropertyName("read_only");
        writer.WriteValue(repository.ReadOnly);
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

    private static byte[] Write(Action<JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var text = new StreamWriter(buffer, Utf8NoBom, bufferSize: 4096, leaveOpen: true))
        using (var writer = new JsonTextWriter(text) { Formatting = Formatting.None })
        {
            write(writer);
        }

        return buffer.ToArray();
    }
}
