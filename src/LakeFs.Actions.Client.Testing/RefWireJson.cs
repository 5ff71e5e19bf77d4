using Newtonsoft.Json;

namespace LakeFs.Actions.Client.Testing;

/// <summary>
/// Writes the bodies of the ref and object endpoints as lakeFS sends them: the fields of its generated Go structs
/// (alphabetical, as oapi-codegen orders them), times in Unix seconds, lakeFS's pagination.
/// </summary>
internal static class RefWireJson
{
    public static byte[] Ref(string id, string commitId) => WireJson.Write(writer => WriteRef(writer, id, commitId));

    public static byte[] RefList(IReadOnlyList<BranchRecord> page, bool hasMore) =>
        WireJson.Write(writer => WireJson.WriteList(writer, page, hasMore, static b => b.Name, static (w, b) => WriteRef(w, b.Name, b.HeadCommitId)));

    public static byte[] MergeResult(string reference) => WireJson.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WritePropertyName("reference");
        writer.WriteValue(reference);
        writer.WriteEndObject();
    });

    public static byte[] Commit(CommitRecord commit) => WireJson.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WritePropertyName("committer");
        writer.WriteValue(commit.Committer);
        writer.WritePropertyName("creation_date");
        writer.WriteValue(commit.CreationDate.ToUnixTimeSeconds());
        writer.WritePropertyName("generation");
        writer.WriteValue(commit.Generation);
        writer.WritePropertyName("id");
        writer.WriteValue(commit.Id);
        writer.WritePropertyName("message");
        writer.WriteValue(commit.Message);
        writer.WritePropertyName("meta_range_id");
        writer.WriteValue(commit.MetaRangeId);
        writer.WritePropertyName("metadata");
        WireJson.WriteMap(writer, commit.Metadata);
        writer.WritePropertyName("parents");
        writer.WriteStartArray();
        foreach (var parent in commit.Parents)
        {
            writer.WriteValue(parent);
        }

        writer.WriteEndArray();
        writer.WritePropertyName("version");
        writer.WriteValue(1);
        writer.WriteEndObject();
    });

    /// <summary>uploadObject's answer: the content type as the request gave it (possibly empty for a multipart part), metadata always present.</summary>
    public static byte[] UploadedObjectStats(ObjectRecord entry, string contentType) => WireJson.Write(writer => WriteObject(writer, entry, contentType, includeMetadata: true));

    /// <summary>A listObjects page; a null object is a common prefix row (only <c>path</c> and <c>path_type</c> carry values).</summary>
    /// <remarks>An object row carries <c>metadata</c> only when it has user metadata and <c>user_metadata</c> was not false.</remarks>
    public static byte[] ObjectList(IReadOnlyList<(string Path, ObjectRecord? Object)> page, bool hasMore, bool userMetadata) =>
        WireJson.Write(writer => WireJson.WriteList(writer, page, hasMore, static r => r.Path, (w, row) =>
        {
            if (row.Object is { } entry)
            {
                WriteObject(w, entry, entry.ContentType, userMetadata && entry.Metadata.Count > 0);
                return;
            }

            w.WriteStartObject();
            w.WritePropertyName("checksum");
            w.WriteValue(string.Empty);
            w.WritePropertyName("mtime");
            w.WriteValue(0);
            w.WritePropertyName("path");
            w.WriteValue(row.Path);
            w.WritePropertyName("path_type");
            w.WriteValue("common_prefix");
            w.WritePropertyName("physical_address");
            w.WriteValue(string.Empty);
            w.WriteEndObject();
        }));

    private static void WriteObject(JsonWriter writer, ObjectRecord entry, string contentType, bool includeMetadata)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("checksum");
        writer.WriteValue(entry.Checksum);
        writer.WritePropertyName("content_type");
        writer.WriteValue(contentType);
        if (includeMetadata)
        {
            writer.WritePropertyName("metadata");
            WireJson.WriteMap(writer, entry.Metadata);
        }

        writer.WritePropertyName("mtime");
        writer.WriteValue(entry.ModifiedAt.ToUnixTimeSeconds());
        writer.WritePropertyName("path");
        writer.WriteValue(entry.Path);
        writer.WritePropertyName("path_type");
        writer.WriteValue("object");
        writer.WritePropertyName("physical_address");
        writer.WriteValue(entry.PhysicalAddress);
        writer.WritePropertyName("size_bytes");
        writer.WriteValue(entry.Content.LongLength);
        writer.WriteEndObject();
    }

    private static void WriteRef(JsonWriter writer, string id, string commitId)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("commit_id");
        writer.WriteValue(commitId);
        writer.WritePropertyName("id");
        writer.WriteValue(id);
        writer.WriteEndObject();
    }
}
