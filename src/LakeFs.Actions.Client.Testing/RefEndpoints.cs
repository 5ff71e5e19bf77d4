using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace LakeFs.Actions.Client.Testing;

/// <summary>
/// Answers the branch, commit, merge and tag endpoints, and routes the object endpoints to <see cref="ObjectEndpoints"/>. The request was validated and authenticated before
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
                    cancellationToken,
                    root.TryGetProperty("squash_merge", out var squash) && squash.ValueKind == JsonValueKind.True).ConfigureAwait(false);
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
        // lakeFS checks the branch id argument before it looks the repository up.
        if (route.Operation == EmulatorOperations.GetBranch && RefNameRules.BranchIdError("branch", route.Segments[3]) is { } invalid)
        {
            return EmulatorResponse.Error(StatusCodes.Status400BadRequest, invalid);
        }

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
            EmulatorOperations.UploadObject => ObjectEndpoints.Upload(repository, segments[3], request, body, _options.TimeProvider.GetUtcNow()),
            EmulatorOperations.DeleteObject => ObjectEndpoints.Delete(repository, segments[3], query["path"].ToString()),
            EmulatorOperations.GetObject => ObjectEndpoints.Get(repository, segments[3], query["path"].ToString(), request.Headers),
            EmulatorOperations.ListObjects => ObjectEndpoints.List(repository, segments[3], query),
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
