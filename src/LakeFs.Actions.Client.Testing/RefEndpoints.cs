using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace LakeFs.Actions.Client.Testing;

/// <summary>
/// Answers the branch, commit, merge, tag and object endpoints. The request was validated and authenticated before
/// it gets here. Hooked operations go through <see cref="RefOperations"/>; their post-* events are returned for the
/// host to start once the answer is sent.
/// </summary>
internal sealed class RefEndpoints
{
    private readonly EmulatorStore _store;
    private readonly LakeFsEmulatorOptions _options;
    private readonly RefOperations _operations;

    public RefEndpoints(EmulatorStore store, LakeFsEmulatorOptions options, RefOperations operations)
    {
        _store = store;
        _options = options;
        _operations = operations;
    }

    public async Task<(EmulatorResponse Response, OperationAnswer? Answer)> AnswerAsync(ApiRoute route, HttpRequest request, byte[] body, CancellationToken cancellationToken)
    {
        var repository = route.Repository!;
        var segments = route.Segments;
        var query = request.Query;
        OperationAnswer? answer;
        switch (route.Operation)
        {
            case EmulatorOperations.CreateBranch:
            {
                using var document = JsonDocument.Parse(body);
                answer = await _operations.CreateBranchAsync(
                    repository, document.RootElement.GetProperty("name").GetString()!, document.RootElement.GetProperty("source").GetString()!, cancellationToken).ConfigureAwait(false);
                break;
            }

            case EmulatorOperations.DeleteBranch:
                answer = await _operations.DeleteBranchAsync(repository, segments[3], cancellationToken).ConfigureAwait(false);
                break;
            case EmulatorOperations.Commit:
            {
                using var document = JsonDocument.Parse(body);
                var root = document.RootElement;
                answer = await _operations.CommitAsync(
                    repository,
                    segments[3],
                    root.GetProperty("message").GetString()!,
                    ReadMap(root, "metadata"),
                    root.TryGetProperty("date", out var date) ? date.GetInt64() : null,
                    root.TryGetProperty("allow_empty", out var allowEmpty) && allowEmpty.ValueKind == JsonValueKind.True,
                    cancellationToken).ConfigureAwait(false);
                break;
            }

            case EmulatorOperations.MergeIntoBranch:
            {
                using var document = JsonDocument.Parse(body.Length == 0 ? "{}"u8.ToArray() : body);
                var root = document.RootElement;
                answer = await _operations.MergeAsync(
                    repository,
                    segments[3],
                    segments[5],
                    root.TryGetProperty("message", out var message) ? message.GetString() : null,
                    ReadMap(root, "metadata"),
                    root.TryGetProperty("strategy", out var strategy) ? strategy.GetString() : null,
                    root.TryGetProperty("allow_empty", out var allowEmpty) && allowEmpty.ValueKind == JsonValueKind.True
                        || root.TryGetProperty("force", out var force) && force.ValueKind == JsonValueKind.True,
                    cancellationToken).ConfigureAwait(false);
                break;
            }

            case EmulatorOperations.CreateTag:
            {
                using var document = JsonDocument.Parse(body);
                answer = await _operations.CreateTagAsync(
                    repository, document.RootElement.GetProperty("id").GetString()!, document.RootElement.GetProperty("ref").GetString()!, cancellationToken).ConfigureAwait(false);
                break;
            }

            case EmulatorOperations.DeleteTag:
                answer = await _operations.DeleteTagAsync(repository, segments[3], cancellationToken).ConfigureAwait(false);
                break;
            default:
                return (_store.WithLock(() => AnswerRead(route, request, body)), null);
        }

        return (answer.Response, answer);
    }

    private EmulatorResponse AnswerRead(ApiRoute route, HttpRequest request, byte[] body)
    {
        if (_store.FindRepository(route.Repository!) is not { } repository)
        {
            return EmulatorResponse.Error(StatusCodes.Status404NotFound, "repository not found");
        }

        if (repository.InDeletion)
        {
            return EmulatorResponse.Error(StatusCodes.Status410Gone, "repository in deletion");
        }

        var segments = route.Segments;
        var query = request.Query;
        return route.Operation switch
        {
            EmulatorOperations.ListBranches => ListBranches(repository, query),
            EmulatorOperations.GetBranch => repository.Refs.Branches.TryGetValue(segments[3], out var branch)
                ? EmulatorResponse.Json(RefWireJson.Ref(branch.Name, branch.HeadCommitId))
                : EmulatorResponse.Error(StatusCodes.Status404NotFound, "branch not found"),
            EmulatorOperations.UploadObject => Upload(repository, segments[3], request, body),
            EmulatorOperations.DeleteObject => DeleteObject(repository, segments[3], query["path"].ToString()),
            EmulatorOperations.GetObject => GetObject(repository, segments[3], query["path"].ToString(), request.Headers),
            EmulatorOperations.ListObjects => ListObjects(repository, segments[3], query),
            _ => throw new InvalidOperationException($"Operation '{route.Operation}' is not a ref operation."),
        };
    }

    private static EmulatorResponse ListBranches(RepositoryRecord repository, IQueryCollection query)
    {
        if (!PageRequest.TryRead(query, out var page))
        {
            return EmulatorResponse.Error(StatusCodes.Status400BadRequest, "parameter \"amount\" in query has an error: value must be an integer");
        }

        var prefix = query["prefix"].ToString();
        var items = repository.Refs.Branches.Values
            .Where(b => b.Name.StartsWith(prefix, StringComparison.Ordinal) && (page.After is null || string.CompareOrdinal(b.Name, page.After) > 0))
            .Take(page.Amount + 1)
            .ToList();
        var hasMore = items.Count > page.Amount;
        return EmulatorResponse.Json(RefWireJson.RefList(items.Take(page.Amount).ToList(), hasMore));
    }

    private EmulatorResponse Upload(RepositoryRecord repository, string branchId, HttpRequest request, byte[] body)
    {
        if (!repository.Refs.Branches.TryGetValue(branchId, out var branch))
        {
            return EmulatorResponse.Error(StatusCodes.Status404NotFound, $"branch '{branchId}' not found");
        }

        if (RefOperations.IsProtected(repository, branchId))
        {
            return EmulatorResponse.Error(StatusCodes.Status403Forbidden, "cannot write to protected branch");
        }

        if (repository.ReadOnly)
        {
            return EmulatorResponse.Error(StatusCodes.Status403Forbidden, "read-only repository");
        }

        var path = request.Query["path"].ToString();
        if (string.Equals(request.Headers.IfNoneMatch.ToString(), "*", StringComparison.Ordinal)
            && branch.View(repository.Refs.Commits[branch.HeadCommitId]).ContainsKey(path))
        {
            return EmulatorResponse.Error(StatusCodes.Status412PreconditionFailed, "path already exists");
        }

        var content = body;
        var contentType = request.ContentType;
        if (contentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true)
        {
            if (!MultipartContent.TryRead(contentType, body, "content", out var part, out var partType))
            {
                return EmulatorResponse.Error(StatusCodes.Status400BadRequest, "missing key 'content'");
            }

            content = part;
            contentType = partType;
        }

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in request.Headers)
        {
            if (name.StartsWith("x-lakefs-meta-", StringComparison.OrdinalIgnoreCase))
            {
                metadata[name["x-lakefs-meta-".Length..].ToLowerInvariant()] = values.ToString();
            }
        }

        var entry = ObjectRecord.Create(repository.StorageNamespace, path, content, contentType, _options.TimeProvider.GetUtcNow(), metadata);
        branch.Staged[path] = entry;
        return EmulatorResponse.Json(RefWireJson.ObjectStats(entry), StatusCodes.Status201Created);
    }

    private static EmulatorResponse DeleteObject(RepositoryRecord repository, string branchId, string path)
    {
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

    private static EmulatorResponse GetObject(RepositoryRecord repository, string reference, string path, IHeaderDictionary headers)
    {
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
            return EmulatorResponse.Status(StatusCodes.Status304NotModified, new("ETag", etag), new("Last-Modified", lastModified));
        }

        return EmulatorResponse.Bytes(entry.Content, entry.ContentType, new("ETag", etag), new("Last-Modified", lastModified));
    }

    private static EmulatorResponse ListObjects(RepositoryRecord repository, string reference, IQueryCollection query)
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
        return EmulatorResponse.Json(RefWireJson.ObjectList(rows.Take(page.Amount).ToList(), hasMore));
    }

    private static Dictionary<string, string> ReadMap(JsonElement root, string name)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in value.EnumerateObject())
            {
                map[property.Name] = property.Value.GetString() ?? string.Empty;
            }
        }

        return map;
    }
}
