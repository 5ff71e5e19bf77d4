using System.Collections.Immutable;
using Microsoft.AspNetCore.Http;

namespace LakeFs.Actions.Client.Testing;

/// <summary>
/// lakeFS's hooked operations over the ref model (commit, merge, create and delete branch and tag), in lakeFS's order:
/// the checks that come before any event, then the pre-* events (whose failure refuses the operation and changes
/// nothing), then the change, then the post-* events, which the caller starts after it answered. Both the HTTP
/// endpoints and the emulator's C# methods go through here. Merge has no conflict model: the source's objects
/// are laid over the destination's.
/// </summary>
internal sealed class RefOperations
{
    private readonly EmulatorStore _store;
    private readonly LakeFsEmulatorOptions _options;
    private readonly ActionsEngine _engine;

    public RefOperations(EmulatorStore store, LakeFsEmulatorOptions options, ActionsEngine engine)
    {
        _store = store;
        _options = options;
        _engine = engine;
    }

    private DateTimeOffset Now => _options.TimeProvider.GetUtcNow();

    public async Task<OperationAnswer> CommitAsync(string repositoryId, string branchId, string message, IReadOnlyDictionary<string, string> metadata, long? date, bool allowEmpty, CancellationToken cancellationToken)
    {
        if (RefNameRules.BranchIdError("branch", branchId) is { } invalid)
        {
            return OperationAnswer.Error(StatusCodes.Status400BadRequest, invalid);
        }

        var refused = Locked(repositoryId, out var repository, r =>
        {
            if (IsProtected(r, branchId))
            {
                return OperationAnswer.Error(StatusCodes.Status403Forbidden, "cannot commit to protected branch");
            }

            if (r.ReadOnly)
            {
                return OperationAnswer.Error(StatusCodes.Status403Forbidden, "read-only repository");
            }

            if (r.Refs.Branches.ContainsKey(branchId))
            {
                return null;
            }

            // lakeFS fires prepare-commit before it looks at the branch: listing the action files of a missing branch fails.
            return _options.ActionsEnabled
                ? OperationAnswer.Error(StatusCodes.Status404NotFound, $"prepare-commit hook aborted, run id '{_engine.NewRunId()}': list actions from commit: listing actions: not found")
                : OperationAnswer.Error(StatusCodes.Status404NotFound, "branch not found");
        });
        if (refused is not null)
        {
            return refused;
        }

        var committer = _options.UserName;
        var preRuns = new List<string>();
        HookEvent Event(string type) => new(type, repositoryId, branchId)
        {
            BranchId = branchId,
            CommitMessage = message,
            Committer = committer,
            CommitMetadata = metadata,
        };

        var view = _store.WithLock(() => Branch(repository!, branchId)?.View(repository!.Refs.Commits[Branch(repository, branchId)!.HeadCommitId]));
        if (view is null)
        {
            return OperationAnswer.Error(StatusCodes.Status404NotFound, "branch not found");
        }

        var prepare = await _engine.RunAsync(repositoryId, Event("prepare-commit"), view, cancellationToken).ConfigureAwait(false);
        preRuns.Add(prepare.RunId);
        if (prepare.IsRefused)
        {
            return OperationAnswer.Error(prepare.StatusCode, prepare.AbortMessage("prepare-commit"), preRuns);
        }

        // The staging area is sealed: what the commit will contain is fixed now.
        var (sealedStaging, sealedView) = _store.WithLock(() =>
        {
            var branch = Branch(repository!, branchId);
            return branch is null
                ? (null, null)
                : (new Dictionary<string, ObjectRecord?>(branch.Staged), branch.View(repository!.Refs.Commits[branch.HeadCommitId]));
        });
        if (sealedStaging is null)
        {
            return OperationAnswer.Error(StatusCodes.Status404NotFound, "branch not found", preRuns);
        }

        var pre = await _engine.RunAsync(repositoryId, Event("pre-commit"), sealedView!, cancellationToken).ConfigureAwait(false);
        preRuns.Add(pre.RunId);
        if (pre.IsRefused)
        {
            return OperationAnswer.Error(pre.StatusCode, pre.AbortMessage("pre-commit"), preRuns);
        }

        var outcome = _store.WithLock(() =>
        {
            var branch = Branch(repository!, branchId);
            if (branch is null)
            {
                return OperationAnswer.Error(StatusCodes.Status404NotFound, "branch not found", preRuns);
            }

            var head = repository!.Refs.Commits[branch.HeadCommitId];
            var changed = sealedStaging.Any(p => p.Value is null ? head.Objects.ContainsKey(p.Key) : !ObjectRecord.SameIdentity(head.Objects.GetValueOrDefault(p.Key), p.Value));
            if (!changed && !allowEmpty)
            {
                return OperationAnswer.Error(StatusCodes.Status400BadRequest, "commit: no changes", preRuns);
            }

            var builder = head.Objects.ToBuilder();
            foreach (var (path, entry) in sealedStaging)
            {
                if (entry is null)
                {
                    builder.Remove(path);
                }
                else
                {
                    builder[path] = entry;
                }

                if (branch.Staged.TryGetValue(path, out var current) && ReferenceEquals(current, entry))
                {
                    branch.Staged.Remove(path);
                }
            }

            var creation = date is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : Now;
            var commit = repository.Refs.NewCommit([head.Id], committer, message, creation, metadata, builder.ToImmutable());
            branch.HeadCommitId = commit.Id;
            if (pre.Recorded)
            {
                repository.SetRunCommit(pre.RunId, commit.Id);
            }

            var post = Event("post-commit") with { SourceRef = commit.Id, CommitId = commit.Id };
            return OperationAnswer.Success(
                EmulatorResponse.Json(RefWireJson.Commit(commit), StatusCodes.Status201Created),
                commit.Id,
                preRuns,
                [(post, commit.Objects)]);
        });
        return outcome;
    }

    public async Task<OperationAnswer> MergeAsync(string repositoryId, string sourceRef, string destinationBranch, string? message, IReadOnlyDictionary<string, string> metadata, string? strategy, bool allowEmpty, CancellationToken cancellationToken, bool squash = false)
    {
        // lakeFS defaults the message before it validates the arguments (destination, source, strategy).
        message = string.IsNullOrEmpty(message) ? $"Merge '{sourceRef}' into '{destinationBranch}'" : message;
        var invalid = RefNameRules.BranchIdError("destination", destinationBranch)
            ?? RefNameRules.RefError("source", sourceRef)
            ?? (strategy is null or "" or "dest-wins" or "source-wins" ? null : "argument strategy: invalid value: validation error");
        if (invalid is not null)
        {
            return OperationAnswer.Error(StatusCodes.Status400BadRequest, invalid);
        }

        var committer = _options.UserName;
        CommitRecord? mergeCommit = null;
        CommitRecord? source = null;
        var refused = Locked(repositoryId, out var repository, r =>
        {
            if (r.ReadOnly)
            {
                return OperationAnswer.Error(StatusCodes.Status403Forbidden, "read-only repository");
            }

            // The destination is sealed first (unwrapped errors), then the merge runs inside the branch update ("update branch <dest>: ").
            var destination = Branch(r, destinationBranch);
            if (destination is null)
            {
                return OperationAnswer.Error(StatusCodes.Status404NotFound, "branch not found");
            }

            if (destination.Staged.Count > 0)
            {
                return OperationAnswer.Error(StatusCodes.Status400BadRequest, "uncommitted changes (dirty branch)");
            }

            var resolved = r.Refs.Resolve(sourceRef);
            if (resolved is null)
            {
                return OperationAnswer.Error(StatusCodes.Status404NotFound, $"update branch {destinationBranch}: get commit by ref {sourceRef}: not found");
            }

            source = resolved.Commit;
            var head = r.Refs.Commits[destination.HeadCommitId];
            var merged = ThreeWayMerge(r.Refs, head, source, strategy);
            if (merged.NoChanges && !allowEmpty)
            {
                return OperationAnswer.Error(StatusCodes.Status400BadRequest, $"update branch {destinationBranch}: no changes");
            }

            if (merged.Objects is null)
            {
                // lakeFS answers a conflict with the merge result, its reference empty, not with an error message.
                return new OperationAnswer(EmulatorResponse.Json(RefWireJson.MergeResult(string.Empty), StatusCodes.Status409Conflict), $"update branch {destinationBranch}: conflict found", null, [], []);
            }

            var mergeMetadata = new Dictionary<string, string>(metadata, StringComparer.Ordinal) { [".lakefs.merge.strategy"] = strategy is { Length: > 0 } ? strategy : "default" };
            // A squash merge records the destination as its only parent.
            mergeCommit = r.Refs.NewCommit(
                squash ? [head.Id] : [head.Id, source.Id],
                committer,
                message,
                Now,
                mergeMetadata,
                merged.Objects,
                [head.Id, source.Id]);
            return null;
        });
        if (refused is not null)
        {
            return refused;
        }

        var preEvent = new HookEvent("pre-merge", repositoryId, source!.Id)
        {
            BranchId = destinationBranch,
            CommitId = mergeCommit!.Id,
            CommitMessage = mergeCommit.Message,
            Committer = committer,
            CommitMetadata = mergeCommit.Metadata,
            MergeSource = sourceRef,
        };
        var pre = await _engine.RunAsync(repositoryId, preEvent, source.Objects, cancellationToken).ConfigureAwait(false);
        if (pre.IsRefused)
        {
            return OperationAnswer.Error(pre.StatusCode, pre.AbortMessage("pre-merge", $"update branch {destinationBranch}: "), [pre.RunId]);
        }

        return _store.WithLock(() =>
        {
            var destination = Branch(repository!, destinationBranch);
            if (destination is null)
            {
                return OperationAnswer.Error(StatusCodes.Status404NotFound, "not found", [pre.RunId]);
            }

            destination.HeadCommitId = mergeCommit.Id;
            var post = preEvent with { EventType = "post-merge", SourceRef = mergeCommit.Id };
            return OperationAnswer.Success(
                EmulatorResponse.Json(RefWireJson.MergeResult(mergeCommit.Id)),
                mergeCommit.Id,
                [pre.RunId],
                [(post, mergeCommit.Objects)]);
        });
    }

    public async Task<OperationAnswer> CreateBranchAsync(string repositoryId, string name, string sourceRef, CancellationToken cancellationToken)
    {
        ResolvedRef? source = null;
        if (RefNameRules.BranchIdError("branch", name) is { } invalidName)
        {
            return OperationAnswer.Error(
                StatusCodes.Status400BadRequest,
                invalidName.EndsWith("invalid value: validation error", StringComparison.Ordinal)
                    ? invalidName + ": branch id must consist of letters, digits, underscores and dashes, and cannot start with a dash"
                    : invalidName);
        }

        if (RefNameRules.RefError("ref", sourceRef) is { } invalidSource)
        {
            return OperationAnswer.Error(StatusCodes.Status400BadRequest, invalidSource);
        }

        // lakeFS's order: a commit or tag of that name, read-only, the source, and only then an existing branch.
        var refused = Locked(repositoryId, out _, r =>
        {
            if (r.Refs.Commits.ContainsKey(name))
            {
                return OperationAnswer.Error(StatusCodes.Status409Conflict, $"commit ID {name}: conflict found");
            }

            if (r.Refs.Tags.ContainsKey(name))
            {
                return OperationAnswer.Error(StatusCodes.Status409Conflict, $"tag ID {name}: conflict found");
            }

            if (r.ReadOnly)
            {
                return OperationAnswer.Error(StatusCodes.Status403Forbidden, "read-only repository");
            }

            source = r.Refs.Resolve(sourceRef);
            if (source is null)
            {
                return OperationAnswer.Error(StatusCodes.Status404NotFound, $"source reference '{sourceRef}': not found");
            }

            return r.Refs.Branches.ContainsKey(name) ? OperationAnswer.Error(StatusCodes.Status409Conflict, "branch already exists: not unique") : null;
        });
        if (refused is not null)
        {
            return refused;
        }

        var preEvent = new HookEvent("pre-create-branch", repositoryId, sourceRef) { BranchId = name, CommitId = source!.Commit.Id };
        var pre = await _engine.RunAsync(repositoryId, preEvent, source.Objects, cancellationToken).ConfigureAwait(false);
        if (pre.IsRefused)
        {
            return OperationAnswer.Error(pre.StatusCode, pre.AbortMessage("pre-create-branch"), [pre.RunId]);
        }

        return _store.WithLock(() =>
        {
            var repository = _store.FindRepository(repositoryId);
            if (repository is null)
            {
                return OperationAnswer.Error(StatusCodes.Status404NotFound, "repository not found", [pre.RunId]);
            }

            if (!repository.Refs.Branches.TryAdd(name, new BranchRecord(name, source.Commit.Id)))
            {
                return OperationAnswer.Error(StatusCodes.Status409Conflict, "branch already exists: not unique", [pre.RunId]);
            }

            return OperationAnswer.Success(
                EmulatorResponse.PlainText(StatusCodes.Status201Created, source.Commit.Id, newline: false),
                source.Commit.Id,
                [pre.RunId],
                [(preEvent with { EventType = "post-create-branch" }, source.Objects)]);
        });
    }

    public async Task<OperationAnswer> DeleteBranchAsync(string repositoryId, string name, CancellationToken cancellationToken)
    {
        CommitRecord? head = null;
        if (RefNameRules.BranchIdError("name", name) is { } invalid)
        {
            return OperationAnswer.Error(StatusCodes.Status400BadRequest, invalid);
        }

        var refused = Locked(repositoryId, out _, r =>
        {
            if (r.ReadOnly)
            {
                return OperationAnswer.Error(StatusCodes.Status403Forbidden, "read-only repository");
            }

            if (string.Equals(r.DefaultBranch, name, StringComparison.Ordinal))
            {
                return OperationAnswer.Error(StatusCodes.Status403Forbidden, "cannot delete repository default branch");
            }

            var branch = Branch(r, name);
            if (branch is null)
            {
                return OperationAnswer.Error(StatusCodes.Status404NotFound, "branch not found");
            }

            head = r.Refs.Commits[branch.HeadCommitId];
            return null;
        });
        if (refused is not null)
        {
            return refused;
        }

        var preEvent = new HookEvent("pre-delete-branch", repositoryId, head!.Id) { BranchId = name };
        var pre = await _engine.RunAsync(repositoryId, preEvent, head.Objects, cancellationToken).ConfigureAwait(false);
        if (pre.IsRefused)
        {
            return OperationAnswer.Error(pre.StatusCode, pre.AbortMessage("pre-delete-branch"), [pre.RunId]);
        }

        return _store.WithLock(() =>
        {
            _store.FindRepository(repositoryId)?.Refs.Branches.Remove(name);
            return OperationAnswer.Success(EmulatorResponse.NoContent(), null, [pre.RunId], [(preEvent with { EventType = "post-delete-branch" }, head.Objects)]);
        });
    }

    public async Task<OperationAnswer> CreateTagAsync(string repositoryId, string tagId, string reference, CancellationToken cancellationToken)
    {
        CommitRecord? target = null;
        if (RefNameRules.TagIdError("tagID", tagId) is { } invalid)
        {
            return OperationAnswer.Error(StatusCodes.Status400BadRequest, invalid);
        }

        // lakeFS's order: a branch or commit of that name, the ref, read-only, and only then an existing tag.
        var refused = Locked(repositoryId, out _, r =>
        {
            if (r.Refs.Branches.ContainsKey(tagId))
            {
                return OperationAnswer.Error(StatusCodes.Status409Conflict, $"branch name {tagId}: conflict found");
            }

            if (r.Refs.Commits.ContainsKey(tagId))
            {
                return OperationAnswer.Error(StatusCodes.Status409Conflict, $"commit ID {tagId}: conflict found");
            }

            target = r.Refs.Resolve(reference)?.Commit;
            if (target is null)
            {
                return OperationAnswer.Error(StatusCodes.Status404NotFound, "not found");
            }

            if (r.ReadOnly)
            {
                return OperationAnswer.Error(StatusCodes.Status403Forbidden, "read-only repository");
            }

            return r.Refs.Tags.ContainsKey(tagId) ? OperationAnswer.Error(StatusCodes.Status409Conflict, "tag already exists: not unique") : null;
        });
        if (refused is not null)
        {
            return refused;
        }

        var preEvent = new HookEvent("pre-create-tag", repositoryId, target!.Id) { TagId = tagId, CommitId = target.Id };
        var pre = await _engine.RunAsync(repositoryId, preEvent, target.Objects, cancellationToken).ConfigureAwait(false);
        if (pre.IsRefused)
        {
            return OperationAnswer.Error(pre.StatusCode, pre.AbortMessage("pre-create-tag"), [pre.RunId]);
        }

        return _store.WithLock(() =>
        {
            var repository = _store.FindRepository(repositoryId);
            if (repository is null || !repository.Refs.Tags.TryAdd(tagId, target.Id))
            {
                return OperationAnswer.Error(StatusCodes.Status409Conflict, "tag already exists: not unique", [pre.RunId]);
            }

            return OperationAnswer.Success(
                EmulatorResponse.Json(RefWireJson.Ref(tagId, target.Id), StatusCodes.Status201Created),
                target.Id,
                [pre.RunId],
                [(preEvent with { EventType = "post-create-tag" }, target.Objects)]);
        });
    }

    public async Task<OperationAnswer> DeleteTagAsync(string repositoryId, string tagId, CancellationToken cancellationToken)
    {
        CommitRecord? target = null;
        if (RefNameRules.TagIdError("tagID", tagId) is { } invalid)
        {
            return OperationAnswer.Error(StatusCodes.Status400BadRequest, invalid);
        }

        var refused = Locked(repositoryId, out _, r =>
        {
            if (r.ReadOnly)
            {
                return OperationAnswer.Error(StatusCodes.Status403Forbidden, "read-only repository");
            }

            if (!r.Refs.Tags.TryGetValue(tagId, out var commitId))
            {
                return OperationAnswer.Error(StatusCodes.Status404NotFound, "tag not found");
            }

            target = r.Refs.Commits[commitId];
            return null;
        });
        if (refused is not null)
        {
            return refused;
        }

        var preEvent = new HookEvent("pre-delete-tag", repositoryId, target!.Id) { TagId = tagId, CommitId = target.Id };
        var pre = await _engine.RunAsync(repositoryId, preEvent, target.Objects, cancellationToken).ConfigureAwait(false);
        if (pre.IsRefused)
        {
            return OperationAnswer.Error(pre.StatusCode, pre.AbortMessage("pre-delete-tag"), [pre.RunId]);
        }

        return _store.WithLock(() =>
        {
            _store.FindRepository(repositoryId)?.Refs.Tags.Remove(tagId);
            return OperationAnswer.Success(EmulatorResponse.NoContent(), null, [pre.RunId], [(preEvent with { EventType = "post-delete-tag" }, target.Objects)]);
        });
    }

    /// <summary>Starts an answer's post-* events in the background; the task ends with the ids of the runs recorded.</summary>
    public Task<IReadOnlyList<string>> StartPostEvents(OperationAnswer answer)
    {
        if (answer.PostEvents.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<string>>([]);
        }

        var completion = new TaskCompletionSource<IReadOnlyList<string>>(TaskCreationOptions.RunContinuationsAsynchronously);
        _engine.RunInBackground(async () =>
        {
            var recorded = new List<string>();
            try
            {
                foreach (var (hookEvent, objects) in answer.PostEvents)
                {
                    var outcome = await _engine.RunAsync(hookEvent.RepositoryId, hookEvent, objects, _engine.Stopping).ConfigureAwait(false);
                    if (outcome.Recorded)
                    {
                        recorded.Add(outcome.RunId);
                    }
                }

                completion.SetResult(recorded);
            }
            catch (Exception e)
            {
                completion.SetException(e);
            }
        });
        return completion.Task;
    }

    /// <summary>Runs the checks that precede any event under the lock; the repository must exist and not be in deletion.</summary>
    private OperationAnswer? Locked(string repositoryId, out RepositoryRecord? repository, Func<RepositoryRecord, OperationAnswer?> check)
    {
        RepositoryRecord? found = null;
        var answer = _store.WithLock(() =>
        {
            found = _store.FindRepository(repositoryId);
            if (found is null)
            {
                return OperationAnswer.Error(StatusCodes.Status404NotFound, "repository not found");
            }

            return found.InDeletion ? OperationAnswer.Error(StatusCodes.Status410Gone, "repository in deletion") : check(found);
        });
        repository = found;
        return answer;
    }

    /// <summary>Whether a branch protection rule's pattern (Go <c>path.Match</c>, as lakeFS matches them) covers the branch.</summary>
    public static bool IsProtected(RepositoryRecord repository, string branchId) =>
        repository.ProtectionRules?.Any(p => GoPathPattern.TryMatch(p, branchId, out var matched) && matched) == true;

    private static BranchRecord? Branch(RepositoryRecord repository, string name) => repository.Refs.Branches.GetValueOrDefault(name);

    /// <summary>
    /// lakeFS's merge over the source, the destination and their merge base: nothing to merge when the source holds
    /// what the base holds; the source's content when the destination is the base; otherwise each path changed on the
    /// source only is taken from it, and a path changed differently on both sides is a conflict (null objects) unless
    /// the strategy picks a side.
    /// </summary>
    private static (bool NoChanges, ImmutableSortedDictionary<string, ObjectRecord>? Objects) ThreeWayMerge(RepositoryRefs refs, CommitRecord destination, CommitRecord source, string? strategy)
    {
        var baseCommit = MergeBase(refs, source, destination);
        var baseObjects = baseCommit?.Objects ?? ImmutableSortedDictionary.Create<string, ObjectRecord>(StringComparer.Ordinal);
        if (SameContent(source.Objects, baseObjects))
        {
            return (true, destination.Objects);
        }

        if (SameContent(destination.Objects, baseObjects))
        {
            return (false, source.Objects);
        }

        var builder = destination.Objects.ToBuilder();
        foreach (var path in source.Objects.Keys.Union(baseObjects.Keys, StringComparer.Ordinal))
        {
            var inSource = source.Objects.GetValueOrDefault(path);
            var inBase = baseObjects.GetValueOrDefault(path);
            if (ObjectRecord.SameIdentity(inSource, inBase))
            {
                continue;
            }

            var inDestination = destination.Objects.GetValueOrDefault(path);
            if (!ObjectRecord.SameIdentity(inDestination, inBase) && !ObjectRecord.SameIdentity(inDestination, inSource))
            {
                if (strategy == "dest-wins")
                {
                    continue;
                }

                if (strategy != "source-wins")
                {
                    return (false, null);
                }
            }

            if (inSource is null)
            {
                builder.Remove(path);
            }
            else
            {
                builder[path] = inSource;
            }
        }

        return (false, builder.ToImmutable());
    }

    /// <summary>The nearest commit reachable from both (breadth first from the source); null for unrelated histories.</summary>
    private static CommitRecord? MergeBase(RepositoryRefs refs, CommitRecord source, CommitRecord destination)
    {
        var ofDestination = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>([destination.Id]);
        while (pending.TryDequeue(out var id))
        {
            if (ofDestination.Add(id) && refs.Commits.TryGetValue(id, out var commit))
            {
                foreach (var parent in commit.Parents)
                {
                    pending.Enqueue(parent);
                }
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        pending.Enqueue(source.Id);
        while (pending.TryDequeue(out var id))
        {
            if (!seen.Add(id) || !refs.Commits.TryGetValue(id, out var commit))
            {
                continue;
            }

            if (ofDestination.Contains(id))
            {
                return commit;
            }

            foreach (var parent in commit.Parents)
            {
                pending.Enqueue(parent);
            }
        }

        return null;
    }

    private static bool SameContent(ImmutableSortedDictionary<string, ObjectRecord> left, ImmutableSortedDictionary<string, ObjectRecord> right) =>
        left.Count == right.Count && left.All(p => right.TryGetValue(p.Key, out var other) && ObjectRecord.SameIdentity(other, p.Value));
}

/// <summary>What a hooked operation answered, and the post-* events to fire once the answer is sent.</summary>
internal sealed record OperationAnswer(
    EmulatorResponse Response,
    string? Message,
    string? Reference,
    IReadOnlyList<string> PreRunIds,
    IReadOnlyList<(HookEvent Event, ImmutableSortedDictionary<string, ObjectRecord> Objects)> PostEvents)
{
    public static OperationAnswer Error(int statusCode, string message, IReadOnlyList<string>? preRunIds = null) =>
        new(EmulatorResponse.Error(statusCode, message), message, null, preRunIds ?? [], []);

    public static OperationAnswer Success(EmulatorResponse response, string? reference, IReadOnlyList<string> preRunIds, IReadOnlyList<(HookEvent, ImmutableSortedDictionary<string, ObjectRecord>)> postEvents) =>
        new(response, null, reference, preRunIds, postEvents);
}
