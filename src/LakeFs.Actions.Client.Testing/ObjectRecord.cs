using System.Security.Cryptography;

namespace LakeFs.Actions.Client.Testing;

/// <summary>An object as the emulator stores it: its bytes and the stats lakeFS answers with (ObjectStats).</summary>
internal sealed record ObjectRecord(
    string Path,
    byte[] Content,
    string ContentType,
    string Checksum,
    string PhysicalAddress,
    DateTimeOffset ModifiedAt,
    IReadOnlyDictionary<string, string> Metadata)
{
    public const string DefaultContentType = "application/octet-stream";

    /// <summary>An object written now; its checksum is the MD5 hex of the content, as lakeFS's local blockstore reports it.</summary>
    public static ObjectRecord Create(string storageNamespace, string path, byte[] content, string? contentType, DateTimeOffset now, IReadOnlyDictionary<string, string>? metadata = null) =>
        new(
            path,
            content,
            string.IsNullOrEmpty(contentType) ? DefaultContentType : contentType,
            Convert.ToHexStringLower(MD5.HashData(content)),
            storageNamespace.TrimEnd('/') + "/data/" + Guid.NewGuid().ToString("N"),
            now,
            metadata ?? new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>
    /// Whether two entries are the same to lakeFS's commit and merge: its entry identity covers size, checksum (ETag),
    /// user metadata and content type, not the physical address or mtime. Two absent entries are the same too.
    /// </summary>
    public static bool SameIdentity(ObjectRecord? left, ObjectRecord? right) =>
        ReferenceEquals(left, right)
        || left is not null && right is not null
            && left.Content.Length == right.Content.Length
            && string.Equals(left.Checksum, right.Checksum, StringComparison.Ordinal)
            && string.Equals(left.ContentType, right.ContentType, StringComparison.Ordinal)
            && left.Metadata.Count == right.Metadata.Count
            && left.Metadata.All(p => right.Metadata.TryGetValue(p.Key, out var v) && string.Equals(v, p.Value, StringComparison.Ordinal));
}
