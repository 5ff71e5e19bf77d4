using System.Text;

namespace LakeFs.Actions.Client.Testing;

/// <summary>
/// The emulator as a local lakeFS Actions runtime: put action files and objects on branches, fire hooked operations
/// without HTTP, wait for their post-* runs, and read what each webhook received.
/// </summary>
public sealed partial class LakeFsActionsEmulator
{
    /// <summary>The folder lakeFS reads action files from: every object directly under it is an action file.</summary>
    public const string ActionsFolder = ActionsEngine.ActionsFolder;

    /// <summary>Every request the actions engine sent to a webhook or airflow hook, in the order they were sent.</summary>
    public IReadOnlyList<WebhookCall> WebhookCalls => _engine.Calls;

    /// <summary>
    /// Writes an object to a branch's staging area (uncommitted), as <c>uploadObject</c> does; a later commit includes it.
    /// </summary>
    /// <param name="repository">Id of an existing repository.</param>
    /// <param name="branch">An existing branch.</param>
    /// <param name="path">Object path, e.g. <c>tables/a.parquet</c>.</param>
    /// <param name="content">The bytes.</param>
    /// <param name="contentType">Content type; null means <c>application/octet-stream</c>.</param>
    /// <exception cref="ArgumentException">An argument is empty, or the repository or branch does not exist.</exception>
    public void PutObjectBytes(string repository, string branch, string path, ReadOnlyMemory<byte> content, string? contentType = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(repository);
        ArgumentException.ThrowIfNullOrEmpty(branch);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var bytes = content.ToArray();
        _store.WithLock(() =>
        {
            var record = FindBranch(repository, branch, out var repositoryRecord);
            record.Staged[path] = ObjectRecord.Create(repositoryRecord.StorageNamespace, path, bytes, contentType, _options.TimeProvider.GetUtcNow());
            return true;
        });
    }

    /// <summary>Writes a text object (UTF-8) to a branch's staging area.</summary>
    /// <param name="repository">Id of an existing repository.</param>
    /// <param name="branch">An existing branch.</param>
    /// <param name="path">Object path.</param>
    /// <param name="text">The content.</param>
    /// <param name="contentType">Content type; null means <c>application/octet-stream</c>.</param>
    /// <exception cref="ArgumentException">An argument is empty, or the repository or branch does not exist.</exception>
    public void PutObject(string repository, string branch, string path, string text, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        PutObjectBytes(repository, branch, path, Encoding.UTF8.GetBytes(text), contentType);
    }

    /// <summary>
    /// Writes an action file to <c>_lakefs_actions/&lt;name&gt;</c> on a branch, uncommitted. As in lakeFS, an uncommitted
    /// action file already governs the commit that adds it; a merge reads the source's committed files.
    /// </summary>
    /// <param name="repository">Id of an existing repository.</param>
    /// <param name="branch">An existing branch.</param>
    /// <param name="name">File name directly under the folder, e.g. <c>check.yaml</c>.</param>
    /// <param name="yaml">The action file.</param>
    /// <exception cref="ArgumentException">An argument is empty, or the repository or branch does not exist.</exception>
    public void PutActionFile(string repository, string branch, string name, string yaml)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        PutObject(repository, branch, ActionsFolder + name, yaml, "application/x-yaml");
    }

    /// <summary>
    /// Registers a .NET stand-in for the script of every Lua hook with this id (the emulator does not run Lua; without a
    /// stand-in such a hook fails, saying so in its log).
    /// </summary>
    /// <param name="hookId">The hook's <c>id</c> in the action file.</param>
    /// <param name="hook">What the hook does; throwing fails it.</param>
    /// <exception cref="ArgumentException"><paramref name="hookId"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="hook"/> is null.</exception>
    public void RegisterLuaHook(string hookId, EmulatedLuaHook hook)
    {
        ArgumentException.ThrowIfNullOrEmpty(hookId);
        ArgumentNullException.ThrowIfNull(hook);
        _engine.LuaHooks[hookId] = hook;
    }

    /// <summary>
    /// Commits a branch's staged objects, as <c>POST .../branches/{branch}/commits</c> does: prepare-commit and pre-commit
    /// hooks run first (a failure refuses the commit and leaves the branch unchanged), then <c>no changes</c> is checked,
    /// then the commit is made and post-commit hooks start.
    /// </summary>
    /// <param name="repository">Id of the repository.</param>
    /// <param name="branch">The branch.</param>
    /// <param name="message">Commit message.</param>
    /// <param name="metadata">Commit metadata; null means none.</param>
    /// <param name="allowEmpty">Allow a commit without changes.</param>
    /// <param name="cancellationToken">Cancels the pre-* hooks, as a client that disconnects does.</param>
    /// <returns>The outcome; <see cref="EmulatedOperationResult.Reference"/> is the new commit id.</returns>
    public async Task<EmulatedOperationResult> CommitAsync(string repository, string branch, string message, IReadOnlyDictionary<string, string>? metadata = null, bool allowEmpty = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(repository);
        ArgumentException.ThrowIfNullOrEmpty(branch);
        ArgumentNullException.ThrowIfNull(message);
        var answer = await _operations.CommitAsync(repository, branch, message, metadata ?? new Dictionary<string, string>(), null, allowEmpty, cancellationToken).ConfigureAwait(false);
        return Finish(answer);
    }

    /// <summary>Merges a ref into a branch, as <c>POST .../refs/{source}/merge/{destination}</c> does (no conflict model: the source's objects win).</summary>
    /// <param name="repository">Id of the repository.</param>
    /// <param name="sourceRef">Source branch, tag or commit id.</param>
    /// <param name="destinationBranch">Destination branch.</param>
    /// <param name="message">Message; null means <c>Merge '&lt;source&gt;' into '&lt;destination&gt;'</c>.</param>
    /// <param name="metadata">Metadata; null means none.</param>
    /// <param name="strategy">Null, <c>dest-wins</c> or <c>source-wins</c>.</param>
    /// <param name="cancellationToken">Cancels the pre-merge hooks.</param>
    /// <returns>The outcome; <see cref="EmulatedOperationResult.Reference"/> is the merge commit id.</returns>
    public async Task<EmulatedOperationResult> MergeAsync(string repository, string sourceRef, string destinationBranch, string? message = null, IReadOnlyDictionary<string, string>? metadata = null, string? strategy = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(repository);
        ArgumentException.ThrowIfNullOrEmpty(sourceRef);
        ArgumentException.ThrowIfNullOrEmpty(destinationBranch);
        var answer = await _operations.MergeAsync(repository, sourceRef, destinationBranch, message, metadata ?? new Dictionary<string, string>(), strategy, allowEmpty: false, cancellationToken).ConfigureAwait(false);
        return Finish(answer);
    }

    /// <summary>Creates a branch from a ref, as <c>POST .../branches</c> does.</summary>
    /// <param name="repository">Id of the repository.</param>
    /// <param name="name">New branch name.</param>
    /// <param name="sourceRef">Source branch, tag or commit id.</param>
    /// <param name="cancellationToken">Cancels the pre-create-branch hooks.</param>
    /// <returns>The outcome; <see cref="EmulatedOperationResult.Reference"/> is the source commit id.</returns>
    public async Task<EmulatedOperationResult> CreateBranchAsync(string repository, string name, string sourceRef, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(repository);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(sourceRef);
        return Finish(await _operations.CreateBranchAsync(repository, name, sourceRef, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Deletes a branch, as <c>DELETE .../branches/{branch}</c> does.</summary>
    /// <param name="repository">Id of the repository.</param>
    /// <param name="name">The branch.</param>
    /// <param name="cancellationToken">Cancels the pre-delete-branch hooks.</param>
    /// <returns>The outcome.</returns>
    public async Task<EmulatedOperationResult> DeleteBranchAsync(string repository, string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(repository);
        ArgumentException.ThrowIfNullOrEmpty(name);
        return Finish(await _operations.DeleteBranchAsync(repository, name, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Creates a tag, as <c>POST .../tags</c> does.</summary>
    /// <param name="repository">Id of the repository.</param>
    /// <param name="tagId">The tag.</param>
    /// <param name="reference">Branch, tag or commit id to tag.</param>
    /// <param name="cancellationToken">Cancels the pre-create-tag hooks.</param>
    /// <returns>The outcome; <see cref="EmulatedOperationResult.Reference"/> is the tagged commit id.</returns>
    public async Task<EmulatedOperationResult> CreateTagAsync(string repository, string tagId, string reference, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(repository);
        ArgumentException.ThrowIfNullOrEmpty(tagId);
        ArgumentException.ThrowIfNullOrEmpty(reference);
        return Finish(await _operations.CreateTagAsync(repository, tagId, reference, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Deletes a tag, as <c>DELETE .../tags/{tag}</c> does.</summary>
    /// <param name="repository">Id of the repository.</param>
    /// <param name="tagId">The tag.</param>
    /// <param name="cancellationToken">Cancels the pre-delete-tag hooks.</param>
    /// <returns>The outcome.</returns>
    public async Task<EmulatedOperationResult> DeleteTagAsync(string repository, string tagId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(repository);
        ArgumentException.ThrowIfNullOrEmpty(tagId);
        return Finish(await _operations.DeleteTagAsync(repository, tagId, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Makes the demo repository (<see cref="DemoRepository"/>, from <see cref="SeedDemo"/>) run real hooks: commits two
    /// action files to its <c>main</c> whose webhooks the emulator serves itself under <c>/_demo/hooks/</c>. A commit
    /// (or a merge into main) whose message contains <c>WIP</c> is refused with 412 and the webhook's reason in the
    /// hook log; commits, merges and new branches also run a notify hook afterwards. Runs show up in the Actions API
    /// like any other.
    /// </summary>
    /// <param name="cancellationToken">Cancels the commit.</param>
    /// <returns>The id of the commit that added the action files.</returns>
    /// <exception cref="InvalidOperationException">The demo repository does not exist or the commit failed.</exception>
    public async Task<string> SeedDemoActionsAsync(CancellationToken cancellationToken = default)
    {
        if (!_store.ContainsRepository(DemoRepository))
        {
            throw new InvalidOperationException($"Repository '{DemoRepository}' does not exist; call SeedDemo (or StartDemoAsync) first.");
        }

        var endpoint = Endpoint.ToString();
        PutActionFile(DemoRepository, "main", "demo-checks.yaml", DemoWebhooks.ActionFile.Replace("{endpoint}", endpoint, StringComparison.Ordinal));
        PutActionFile(DemoRepository, "main", "demo-notify.yaml", DemoWebhooks.NotifyFile.Replace("{endpoint}", endpoint, StringComparison.Ordinal));
        var commit = await CommitAsync(DemoRepository, "main", "Add demo actions", cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!commit.Succeeded)
        {
            throw new InvalidOperationException($"The demo actions could not be committed: {commit.StatusCode} {commit.Message}");
        }

        await commit.WaitForPostRunsAsync(cancellationToken).ConfigureAwait(false);
        return commit.Reference!;
    }

    /// <summary>The commit id a branch points at.</summary>
    /// <param name="repository">Id of an existing repository.</param>
    /// <param name="branch">An existing branch.</param>
    /// <returns>The head commit id.</returns>
    /// <exception cref="ArgumentException">The repository or branch does not exist.</exception>
    public string GetBranchHead(string repository, string branch) =>
        _store.WithLock(() => FindBranch(repository, branch, out _).HeadCommitId);

    /// <summary>
    /// Waits until every post-* hook started so far (by any operation, over HTTP or not) finished and its run is recorded.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes when no hook is running in the background.</returns>
    public Task WaitForBackgroundRunsAsync(CancellationToken cancellationToken = default) => _engine.WhenIdleAsync(cancellationToken);

    private EmulatedOperationResult Finish(OperationAnswer answer)
    {
        var post = answer.Response.StatusCode is >= 200 and < 300 ? _operations.StartPostEvents(answer) : null;
        return new EmulatedOperationResult(answer.Response.StatusCode, answer.Message, answer.Reference, answer.PreRunIds, post);
    }

    private BranchRecord FindBranch(string repository, string branch, out RepositoryRecord record)
    {
        record = _store.FindRepository(repository)
            ?? throw new ArgumentException($"Repository '{repository}' does not exist in the emulator; add it with AddRepository first.", nameof(repository));
        return record.Refs.Branches.GetValueOrDefault(branch)
            ?? throw new ArgumentException($"Branch '{branch}' does not exist in repository '{repository}'.", nameof(branch));
    }
}
