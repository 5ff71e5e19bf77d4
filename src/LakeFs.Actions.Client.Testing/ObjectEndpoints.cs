using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace LakeFs.Actions.Client.Testing;

/// <summary>
/// lakeFS's object endpoints over the ref model: upload (raw or multipart, <c>If-None-Match: *</c>, user metadata)
/// and delete write to a branch's staging area; get and list read any ref (a branch shows its staged objects).
/// Callers hold the store's lock and have checked the repository.
/// </summary>
internal static class ObjectEndpoints
{
    public static EmulatorResponse Upload(RepositoryRecord repository, string branchId, HttpRequest request, byte[] body, DateTimeOffset now)
    {
        // lakeFS's order: the branch (id, then existence), If-None-Match, the body, and only then protection and read-only (when the entry is written).
        if (RefNameRules.BranchIdError("name", branchId) is { } invalid)
        {
            return EmulatorResponse.Error(StatusCodes.Status400BadRequest, invalid);
        }

        if (!repository.Refs.Branches.TryGetValue(branchId, out var branch))
        {
            return EmulatorResponse.Error(StatusCodes.Status404NotFound, $"branch '{branchId}' not found");
        }

        var path = request.Query["path"].ToString();
        if (string.Equals(request.Headers.IfNoneMatch.ToString(), "*", StringComparison.Ordinal)
            && branch.View(repository.Refs.Commits[branch.HeadCommitId]).ContainsKey(path))
        {
            return EmulatorResponse.Error(StatusCodes.Status412PreconditionFailed, "path already exists");
        }

        var content = body;
        var contentType = string.IsNullOrEmpty(request.ContentType) ? ObjectRecord.DefaultContentType : request.ContentType;
        if (contentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var mediaType) || mediaType.Boundary.Length == 0)
            {
                return EmulatorResponse.Error(StatusCodes.Status500InternalServerError, "no multipart boundary param in Content-Type");
            }

            if (!MultipartContent.TryRead(contentType, body, "content", out var part, out var partType))
            {
                return EmulatorResponse.Error(StatusCodes.Status500InternalServerError, "multipart upload missing key 'content': http: no such file");
            }

            content = part;

            // The part's own Content-Type, even when it has none: the answer then says "" while the entry stores the default.
            contentType = partType ?? string.Empty;
        }

        if (RefOperations.IsProtected(repository, branchId))
        {
            return EmulatorResponse.Error(StatusCodes.Status403Forbidden, "cannot write to protected branch");
        }

        if (repository.ReadOnly)
        {
            return EmulatorResponse.Error(StatusCodes.Status403Forbidden, "read-only repository");
        }

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in request.Headers)
        {
            var lower = name.ToLowerInvariant();
            if (lower.StartsWith(MetaHeaderPrefix, StringComparison.Ordinal))
            {
                metadata[lower[MetaHeaderPrefix.Length..]] = values[0] ?? string.Empty;
            }
            else if (lower.StartsWith(InternalHeaderPrefix, StringComparison.Ordinal))
            {
                metadata["::lakefs::" + lower[InternalHeaderPrefix.Length..]] = values[0] ?? string.Empty;
            }
        }

        var entry = ObjectRecord.Create(repository.StorageNamespace, path, content, contentType, now, metadata);
        branch.Staged[path] = entry;
        return EmulatorResponse.Json(RefWireJson.UploadedObjectStats(entry, contentType), StatusCodes.Status201Created);
    }

    private const string MetaHeaderPrefix = "x-lakefs-meta-";
    private const string InternalHeaderPrefix = "x-lakefs-internal-";

    public static EmulatorResponse Delete(RepositoryRecord repository, string branchId, string path)
    {
        if (RefNameRules.BranchIdError("branch", branchId) is { } invalid)
        {
            return EmulatorResponse.Error(StatusCodes.Status400BadRequest, invalid);
        }

        if (RefOperations.IsProtected(repository, branchId))
        {
            return EmulatorResponse.Error(StatusCodes.Status403Forbidden, "cannot write to protected branch");
        }

        if (repository.ReadOnly)
        {
            return EmulatorResponse.Error(StatusCodes.Status403Forbidden, "read-only repository");
        }

        if (!repository.Refs.Branches.TryGetValue(branchId, out var branch))
        {
            return EmulatorResponse.Error(StatusCodes.Status404NotFound, "branch not found");
        }

        // A missing path is a 204 too.
        if (repository.Refs.Commits[branch.HeadCommitId].Objects.ContainsKey(path))
        {
            branch.Staged[path] = null;
        }
        else
        {
            branch.Staged.Remove(path);
        }

        return EmulatorResponse.NoContent();
    }

    public static EmulatorResponse Get(RepositoryRecord repository, string reference, string path, IHeaderDictionary headers)
    {
        if ((RefNameRules.RefError("ref", reference) ?? (path.Length == 0 ? "argument path: missing path: required value: validation error" : null)) is { } invalid)
        {
            return EmulatorResponse.Error(StatusCodes.Status400BadRequest, invalid);
        }

        if (repository.Refs.Resolve(reference) is not { } resolved)
        {
            return EmulatorResponse.Error(StatusCodes.Status404NotFound, "not found");
        }

        if (!resolved.Objects.TryGetValue(path, out var entry))
        {
            return EmulatorResponse.Error(StatusCodes.Status404NotFound, "not found");
        }

        var etag = "\"" + entry.Checksum + "\"";
        var lastModified = entry.ModifiedAt.UtcDateTime.ToString("R", CultureInfo.InvariantCulture);
        if (headers.IfNoneMatch.Any(v => string.Equals(v, etag, StringComparison.Ordinal)))
        {
            // lakeFS answers before it sets any object header.
            return EmulatorResponse.Status(StatusCodes.Status304NotModified);
        }

        // lakeFS's "keep private" headers and an inline disposition only for content types it deems safe.
        KeyValuePair<string, string>[] contentHeaders =
        [
            new("ETag", etag),
            new("Last-Modified", lastModified),
            new("Cache-Control", "no-store, must-revalidate"),
            new("Expires", "0"),
            new("X-Content-Type-Options", "nosniff"),
            new("X-Frame-Options", "SAMEORIGIN"),
            new("Content-Security-Policy", "default-src 'none'"),
            new("Content-Disposition", InlineContentTypes.Contains(entry.ContentType) ? "inline" : "attachment"),
        ];
        if (headers.Range.ToString() is { Length: > 0 } range)
        {
            if (!TryParseRange(range, entry.Content.Length, out var first, out var last))
            {
                var unsatisfiable = EmulatorResponse.Error(StatusCodes.Status416RangeNotSatisfiable, "Requested Range Not Satisfiable");
                return IsUnsatisfiable(range, entry.Content.Length)
                    ? unsatisfiable.WithHeaders([.. contentHeaders, new("Content-Range", $"bytes */{entry.Content.Length}")])
                    : unsatisfiable.WithHeaders(contentHeaders);
            }

            return EmulatorResponse.Bytes(entry.Content[first..(last + 1)], entry.ContentType, [.. contentHeaders, new("Content-Range", $"bytes {first}-{last}/{entry.Content.Length}")])
                .WithStatus(StatusCodes.Status206PartialContent);
        }

        return EmulatorResponse.Bytes(entry.Content, entry.ContentType, contentHeaders);
    }

    private static readonly HashSet<string> InlineContentTypes = new(StringComparer.Ordinal)
    {
        "image/jpeg", "image/jpg", "image/png", "image/gif", "image/webp", "image/svg+xml", "application/pdf",
        "text/plain", "text/markdown", "text/x-markdown", "text/html", "text/css", "text/javascript",
        "application/javascript", "application/json", "application/xml", "text/xml", "video/mp4", "video/webm",
        "audio/mpeg", "audio/wav", "audio/webm",
    };

    /// <summary>The two sides of a single <c>bytes=</c> range (<c>a-b</c>, <c>a-</c> or <c>-n</c>), trimmed; false for another unit, several ranges or no dash.</summary>
    private static bool TrySplitRange(string header, out string from, out string to)
    {
        from = to = string.Empty;
        if (!header.StartsWith("bytes=", StringComparison.Ordinal) || header.Contains(',', StringComparison.Ordinal))
        {
            return false;
        }

        var spec = header["bytes=".Length..];
        var dash = spec.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            return false;
        }

        from = spec[..dash].Trim();
        to = spec[(dash + 1)..].Trim();
        return true;
    }

    /// <summary>
    /// Whether a range that failed to parse was well formed but outside the object (lakeFS's "unsatisfiable range",
    /// answered with <c>Content-Range: bytes */size</c>), rather than malformed: a zero suffix, or a start past the end.
    /// </summary>
    private static bool IsUnsatisfiable(string header, int length)
    {
        if (!TrySplitRange(header, out var from, out var to))
        {
            return false;
        }

        if (from.Length == 0)
        {
            return long.TryParse(to, NumberStyles.None, CultureInfo.InvariantCulture, out var suffix) && suffix == 0;
        }

        if (!long.TryParse(from, NumberStyles.None, CultureInfo.InvariantCulture, out var start))
        {
            return false;
        }

        if (to.Length == 0)
        {
            return start > length - 1;
        }

        return long.TryParse(to, NumberStyles.None, CultureInfo.InvariantCulture, out var end) && start <= end && start > length - 1;
    }

    /// <summary>One <c>bytes=</c> range (<c>a-b</c>, <c>a-</c> or <c>-n</c>) within the object; false when it does not parse or is not satisfiable.</summary>
    private static bool TryParseRange(string header, int length, out int first, out int last)
    {
        first = last = 0;
        if (!TrySplitRange(header, out var from, out var to))
        {
            return false;
        }

        if (from.Length == 0)
        {
            if (!int.TryParse(to, NumberStyles.None, CultureInfo.InvariantCulture, out var suffix) || suffix == 0 || length == 0)
            {
                return false;
            }

            first = Math.Max(0, length - suffix);
            last = length - 1;
            return true;
        }

        if (!int.TryParse(from, NumberStyles.None, CultureInfo.InvariantCulture, out first) || first >= length)
        {
            return false;
        }

        last = length - 1;
        if (to.Length > 0)
        {
            if (!int.TryParse(to, NumberStyles.None, CultureInfo.InvariantCulture, out var end) || end < first)
            {
                return false;
            }

            last = Math.Min(end, length - 1);
        }

        return true;
    }

    public static EmulatorResponse List(RepositoryRecord repository, string reference, IQueryCollection query)
    {
        if (!PageRequest.TryRead(query, out var page))
        {
            return EmulatorResponse.Error(StatusCodes.Status400BadRequest, "parameter \"amount\" in query has an error: value must be an integer");
        }

        if (repository.Refs.Resolve(reference) is not { } resolved)
        {
            return EmulatorResponse.Error(StatusCodes.Status404NotFound, "not found");
        }

        var prefix = query["prefix"].ToString();
        var delimiter = query["delimiter"].ToString();
        var rows = new List<(string Path, ObjectRecord? Object)>();
        foreach (var (path, entry) in resolved.Objects)
        {
            if (!path.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            (string Path, ObjectRecord? Object) row = (path, entry);
            if (delimiter.Length > 0)
            {
                var cut = path.IndexOf(delimiter, prefix.Length, StringComparison.Ordinal);
                if (cut >= 0)
                {
                    row = (path[..(cut + delimiter.Length)], null);
                }
            }

            if (page.After is not null && string.CompareOrdinal(row.Path, page.After) <= 0)
            {
                continue;
            }

            if (rows.Count > 0 && rows[^1].Object is null && rows[^1].Path == row.Path)
            {
                continue;
            }

            rows.Add(row);
            if (rows.Count > page.Amount)
            {
                break;
            }
        }

        var hasMore = rows.Count > page.Amount;
        var userMetadata = !string.Equals(query["user_metadata"].ToString(), "false", StringComparison.OrdinalIgnoreCase);
        return EmulatorResponse.Json(RefWireJson.ObjectList(rows.Take(page.Amount).ToList(), hasMore, userMetadata));
    }
}
