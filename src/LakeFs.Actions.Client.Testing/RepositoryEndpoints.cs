using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace LakeFs.Actions.Client.Testing;

/// <summary>
/// Answers the repository write, settings and task endpoints (the RepositoriesApi beyond list and get) with
/// lakeFS's semantics. The request was validated and authenticated before it gets here; what is left is the
/// parameter binding of lakeFS's generated router (plain-text 400s) and the controller's logic.
/// </summary>
internal sealed partial class RepositoryEndpoints
{
    private const string RepositoryNotFound = "repository not found";
    private const string RepositoryInDeletion = "repository in deletion";
    private const string ReadOnlyRepository = "read-only repository";

    private readonly EmulatorStore _store;
    private readonly LakeFsEmulatorOptions _options;

    public RepositoryEndpoints(EmulatorStore store, LakeFsEmulatorOptions options)
    {
        _store = store;
        _options = options;
    }

    private DateTimeOffset Now => _options.TimeProvider.GetUtcNow();

    public EmulatorResponse Answer(ApiRoute route, HttpRequest request, byte[] body) => _store.WithLock(() => route.Operation switch
    {
        EmulatorOperations.CreateRepository => Create(request.Query, body),
        EmulatorOperations.DeleteRepository => Delete(route.Repository!, request.Query),
        EmulatorOperations.GetRepositoryMetadata => GetMetadata(route.Repository!),
        EmulatorOperations.GetGCRules => WithActive(route.Repository!, GetGcRules),
        EmulatorOperations.SetGCRules => WithActive(route.Repository!, r => SetGcRules(r, ReadGcRules(body))),
        EmulatorOperations.DeleteGCRules => WithActive(route.Repository!, r => SetGcRules(r, new GcRulesRecord(0, new Dictionary<string, int>()))),
        EmulatorOperations.GetBranchProtectionRules => WithActive(route.Repository!, GetProtectionRules),
        EmulatorOperations.SetBranchProtectionRules => SetProtectionRules(route.Repository!, request.Headers, body),
        EmulatorOperations.DumpSubmit => WithActive(route.Repository!, SubmitDump),
        EmulatorOperations.RestoreSubmit => WithActive(route.Repository!, r => SubmitRestore(r, body)),
        EmulatorOperations.DumpStatus => WithActive(route.Repository!, r => TaskStatus(r, request.Query["task_id"].ToString(), RepositoryTask.DumpPrefix)),
        EmulatorOperations.RestoreStatus => WithActive(route.Repository!, r => TaskStatus(r, request.Query["task_id"].ToString(), RepositoryTask.RestorePrefix)),
        _ => throw new InvalidOperationException($"Operation '{route.Operation}' is not a repository operation."),
    });

    /// <summary>
    /// The check lakeFS's cached repository lookup makes for every call but delete and metadata: 404 for an unknown
    /// repository, 410 for one being deleted. Runs the repository's tasks up to now first.
    /// </summary>
    private EmulatorResponse? CheckActive(string id, out RepositoryRecord? repository)
    {
        repository = _store.FindRepository(id);
        if (repository is null)
        {
            return EmulatorResponse.Error(StatusCodes.Status404NotFound, RepositoryNotFound);
        }

        if (repository.InDeletion)
        {
            return EmulatorResponse.Error(StatusCodes.Status410Gone, RepositoryInDeletion);
        }

        foreach (var task in repository.Tasks.Values)
        {
            task.Advance();
        }

        return null;
    }

    private EmulatorResponse WithActive(string id, Func<RepositoryRecord, EmulatorResponse> answer) =>
        CheckActive(id, out var repository) ?? answer(repository!);

    private EmulatorResponse Create(IQueryCollection query, byte[] body)
    {
        if (BindBool(query, "bare", out var bare) is { } bindError)
        {
            return bindError;
        }

        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var name = root.GetProperty("name").GetString()!;
        var storageNamespace = root.GetProperty("storage_namespace").GetString()!;
        var defaultBranch = OptionalString(root, "default_branch") is { Length: > 0 } branch ? branch : "main";
        var readOnly = OptionalBool(root, "read_only");
        var sampleData = OptionalBool(root, "sample_data");

        // The existence check comes first; a repository being deleted does not count as existing here.
        var existing = _store.FindRepository(name);
        if (existing is { InDeletion: false })
        {
            return EmulatorResponse.Error(StatusCodes.Status409Conflict, "error creating repository: not unique");
        }

        if (OptionalString(root, "storage_id") is { Length: > 0 })
        {
            return EmulatorResponse.Error(StatusCodes.Status400BadRequest, "storage id: invalid value: validation error");
        }

        var validity = $"^{_options.BlockstoreType}://";
        if (!storageNamespace.StartsWith(_options.BlockstoreType + "://", StringComparison.Ordinal))
        {
            return EmulatorResponse.Error(StatusCodes.Status400BadRequest, $"failed to match required regex {validity}: invalid namespace");
        }

        if (bare)
        {
            if (existing is not null)
            {
                return EmulatorResponse.Error(StatusCodes.Status410Gone, RepositoryInDeletion);
            }

            var bareRepository = new RepositoryRecord(name, Now, defaultBranch, storageNamespace, string.Empty, readOnly, bare: true);
            _store.AddRepository(bareRepository);
            return EmulatorResponse.Json(WireJson.BareRepository(bareRepository), StatusCodes.Status201Created);
        }

        if (!readOnly && _store.IsNamespaceInUse(storageNamespace))
        {
            return EmulatorResponse.Error(
                StatusCodes.Status400BadRequest,
                $"failed to create repository: found lakeFS objects in the storage (:{storageNamespace}) key(_lakefs/dummy): storage namespace already in use");
        }

        if (!readOnly)
        {
            _store.MarkNamespaceInUse(storageNamespace);
        }

        if (existing is not null)
        {
            return EmulatorResponse.Error(StatusCodes.Status410Gone, "error creating repository: " + RepositoryInDeletion);
        }

        var repository = new RepositoryRecord(name, Now, defaultBranch, storageNamespace, string.Empty, readOnly, committer: _options.UserName);
        if (sampleData)
        {
            repository.ProtectionRules = new SortedSet<string>(StringComparer.Ordinal) { defaultBranch };
        }

        _store.AddRepository(repository);
        return EmulatorResponse.Json(WireJson.Repository(repository), StatusCodes.Status201Created);
    }

    private EmulatorResponse Delete(string id, IQueryCollection query)
    {
        if (BindBool(query, "force", out var force) is { } bindError)
        {
            return bindError;
        }

        if (!RepositoryIdRegex().IsMatch(id))
        {
            return EmulatorResponse.Error(StatusCodes.Status400BadRequest, "argument repository: invalid value: validation error");
        }

        // Delete reads the record directly (no 410): a second delete resumes one that failed midway.
        if (_store.FindRepository(id) is not { } repository)
        {
            return EmulatorResponse.Error(StatusCodes.Status404NotFound, RepositoryNotFound);
        }

        if (repository.ReadOnly && !force)
        {
            return EmulatorResponse.Error(StatusCodes.Status403Forbidden, ReadOnlyRepository);
        }

        repository.InDeletion = true;
        if (repository.DeletesToFail > 0)
        {
            repository.DeletesToFail--;
            return EmulatorResponse.Error(StatusCodes.Status500InternalServerError, "1 error occurred:\n\t* delete repository branches: emulated failure\n\n");
        }

        _store.RemoveRepository(id);
        return EmulatorResponse.NoContent();
    }

    private EmulatorResponse GetMetadata(string id)
    {
        if (!RepositoryIdRegex().IsMatch(id))
        {
            return EmulatorResponse.Error(StatusCodes.Status400BadRequest, "argument repository: invalid value: validation error");
        }

        // Metadata reads the record directly: a repository being deleted still answers.
        return _store.FindRepository(id) is { } repository
            ? EmulatorResponse.Json(WireJson.Metadata(repository.Metadata))
            : EmulatorResponse.Error(StatusCodes.Status404NotFound, RepositoryNotFound);
    }

    private EmulatorResponse GetGcRules(RepositoryRecord repository) =>
        _store.FindGcRules(repository.StorageNamespace) is { IsEmpty: false } rules
            ? EmulatorResponse.Json(WireJson.GcRules(rules))
            : EmulatorResponse.Error(StatusCodes.Status404NotFound, "not found");

    private EmulatorResponse SetGcRules(RepositoryRecord repository, GcRulesRecord rules)
    {
        if (repository.ReadOnly)
        {
            return EmulatorResponse.Error(StatusCodes.Status403Forbidden, ReadOnlyRepository);
        }

        _store.SetGcRules(repository.StorageNamespace, rules);
        return EmulatorResponse.NoContent();
    }

    private static GcRulesRecord ReadGcRules(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        var branches = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var rule in document.RootElement.GetProperty("branches").EnumerateArray())
        {
            branches[rule.GetProperty("branch_id").GetString()!] = ToInt32(rule.GetProperty("retention_days").GetInt64());
        }

        return new GcRulesRecord(ToInt32(document.RootElement.GetProperty("default_retention_days").GetInt64()), branches);
    }

    private static EmulatorResponse GetProtectionRules(RepositoryRecord repository) =>
        EmulatorResponse.Json(WireJson.ProtectionRules(repository.ProtectionRules ?? []))
            .WithHeader("ETag", ProtectionETag(repository.ProtectionRules));

    private EmulatorResponse SetProtectionRules(string id, IHeaderDictionary headers, byte[] body)
    {
        // lakeFS's router binds If-Match before the controller runs: these are plain-text 400s.
        string? ifMatch = null;
        if (headers.TryGetValue("If-Match", out var values))
        {
            if (values.Count != 1)
            {
                return EmulatorResponse.PlainText(StatusCodes.Status400BadRequest, $"Expected one value for If-Match, got {values.Count}");
            }

            if (string.IsNullOrEmpty(values[0]))
            {
                return EmulatorResponse.PlainText(StatusCodes.Status400BadRequest, "Invalid format for parameter If-Match: parameter 'If-Match' is empty, can't bind its value");
            }

            if (!GoText.TryQueryUnescape(values[0]!, out var unescaped, out var error))
            {
                return EmulatorResponse.PlainText(StatusCodes.Status400BadRequest, $"Invalid format for parameter If-Match: error unescaping query parameter 'If-Match': {error}");
            }

            ifMatch = unescaped;
        }

        if (CheckActive(id, out var repository) is { } inactive)
        {
            return inactive;
        }

        if (repository!.ReadOnly)
        {
            return EmulatorResponse.Error(StatusCodes.Status403Forbidden, ReadOnlyRepository);
        }

        // Compared verbatim with the stored rules' checksum; with no rules stored, no value can match.
        if (ifMatch is not null && (repository.ProtectionRules is null || !string.Equals(ifMatch, ProtectionETag(repository.ProtectionRules), StringComparison.Ordinal)))
        {
            return EmulatorResponse.Error(StatusCodes.Status412PreconditionFailed, "Precondition failed");
        }

        using var document = JsonDocument.Parse(body);
        repository.ProtectionRules = new SortedSet<string>(
            document.RootElement.EnumerateArray().Select(static r => r.GetProperty("pattern").GetString()!),
            StringComparer.Ordinal);
        return EmulatorResponse.NoContent();
    }

    /// <summary>
    /// The raw sha256 hex of the stored rules, empty when none were stored or the stored list is empty (lakeFS hashes
    /// the serialized rules, and an empty list serializes to nothing).
    /// </summary>
    private static string ProtectionETag(SortedSet<string>? rules)
    {
        if (rules is null || rules.Count == 0)
        {
            return string.Empty;
        }

        var serialized = Encoding.UTF8.GetBytes(string.Join('\n', rules.Select(static p => p.Length + ":" + p)));
        return Convert.ToHexStringLower(SHA256.HashData(serialized));
    }

    private EmulatorResponse SubmitDump(RepositoryRecord repository)
    {
        var task = CreateTask(repository, RepositoryTask.DumpPrefix, null);
        var refs = new RefsDumpIds(NewMetaRangeId(), NewMetaRangeId(), NewMetaRangeId());
        task.StepRunner = step =>
        {
            // lakeFS dumps commits, then branches, then tags; the status's refs hold what was written so far.
            task.Refs = step switch
            {
                0 => refs with { Branches = string.Empty, Tags = string.Empty },
                1 => refs with { Tags = string.Empty },
                _ => refs,
            };
            if (step == RepositoryTask.StepCount - 1)
            {
                _store.AddDump(refs);
            }

            return null;
        };
        task.Advance();
        return EmulatorResponse.Json(WireJson.TaskInfo(task.Id), StatusCodes.Status202Accepted);
    }

    private EmulatorResponse SubmitRestore(RepositoryRecord repository, byte[] body)
    {
        if (!repository.Bare)
        {
            return EmulatorResponse.Error(StatusCodes.Status400BadRequest, "can only restore into a bare repository");
        }

        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var commits = root.GetProperty("commits_meta_range_id").GetString()!;
        var branches = root.GetProperty("branches_meta_range_id").GetString()!;
        var tags = root.GetProperty("tags_meta_range_id").GetString()!;
        var force = OptionalBool(root, "force");

        var task = CreateTask(repository, RepositoryTask.RestorePrefix, null);
        task.StepRunner = step =>
        {
            if (repository.ReadOnly && !force)
            {
                return ReadOnlyRepository;
            }

            var (id, known) = step switch
            {
                0 => (commits, _store.IsCommitsMetaRange(commits)),
                1 => (branches, _store.IsBranchesMetaRange(branches)),
                _ => (tags, _store.IsTagsMetaRange(tags)),
            };
            if (!known)
            {
                return $"metarange {id}: not found";
            }

            if (step == 0)
            {
                repository.Bare = false;
                if (repository.Refs.Branches.Count == 0)
                {
                    repository.Refs.Initialize(repository.DefaultBranch, _options.UserName, Now);
                }
            }

            return null;
        };
        task.Advance();
        return EmulatorResponse.Json(WireJson.TaskInfo(task.Id), StatusCodes.Status202Accepted);
    }

    private RepositoryTask CreateTask(RepositoryRecord repository, string prefix, Func<int, string?>? runStep)
    {
        var stalled = repository.TasksToStall > 0;
        if (stalled)
        {
            repository.TasksToStall--;
        }

        var task = new RepositoryTask(prefix, _options.TimeProvider, _options.TaskDuration, stalled) { StepRunner = runStep };
        repository.Tasks.Add(task.Id, task);
        return task;
    }

    private EmulatorResponse TaskStatus(RepositoryRecord repository, string taskId, string prefix)
    {
        if (!RepositoryTask.IsTaskId(prefix, taskId) || !repository.Tasks.TryGetValue(taskId, out var task))
        {
            return EmulatorResponse.Error(StatusCodes.Status404NotFound, "not found");
        }

        if (task.IsExpired())
        {
            repository.Tasks.Remove(taskId);
            return EmulatorResponse.Error(StatusCodes.Status404NotFound, "not found");
        }

        return EmulatorResponse.Json(WireJson.TaskStatus(task, withRefs: prefix == RepositoryTask.DumpPrefix));
    }

    /// <summary>lakeFS's binding of an optional boolean query parameter: present but empty is a plain-text 400.</summary>
    private static EmulatorResponse? BindBool(IQueryCollection query, string name, out bool value)
    {
        value = false;
        if (!query.TryGetValue(name, out var values))
        {
            return null;
        }

        var text = values[0] ?? string.Empty;
        return GoText.TryParseBool(text, out value)
            ? null
            : EmulatorResponse.PlainText(
                StatusCodes.Status400BadRequest,
                $"Invalid format for parameter {name}: error binding string parameter: strconv.ParseBool: parsing \"{text}\": invalid syntax");
    }

    private static string? OptionalString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool OptionalBool(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static int ToInt32(long value) => (int)Math.Clamp(value, int.MinValue, int.MaxValue);

    private static string NewMetaRangeId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{2,62}\z", RegexOptions.CultureInvariant)]
    private static partial Regex RepositoryIdRegex();
}
