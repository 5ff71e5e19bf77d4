
namespace LakeFs.Actions.Client;

/// <summary>
/// Manages lakeFS repositories: create and delete them, read their metadata, set their garbage collection rules
/// and branch protection, and dump and restore their refs (the lakeFS RepositoriesApi).
/// </summary>
/// <remarks>
/// Every method validates its arguments before sending anything and reports a failed request as a
/// <see cref="LakeFsApiException"/>. Reads, PUTs and DELETEs are retried on transient failures; a POST (create,
/// dump, restore) only when the server refused it unread (420/429 throttling, a connection that was never made),
/// never after a 5xx or a timeout, so no write is ever repeated where the server may already have acted.
/// </remarks>
public interface ILakeFsRepositoriesClient : IDisposable
{
    /// <summary>Lists repositories, ordered by id. <c>GET /repositories</c>.</summary>
    /// <param name="query">Prefix, search string and page size; <c>null</c> lists all.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The repositories, fetched page by page as they are enumerated.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The page size is below 1.</exception>
    AsyncPageable<Repository> ListRepositoriesAsync(RepositoryQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Gets a repository. <c>GET /repositories/{repository}</c>.</summary>
    /// <param name="repository">Repository id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The repository.</returns>
    /// <exception cref="ArgumentException"><paramref name="repository"/> is null, empty, whitespace, <c>.</c> or <c>..</c>.</exception>
    /// <exception cref="LakeFsApiException">The request failed: 404 for an unknown repository, 410 while it is being deleted.</exception>
    Task<Repository> GetRepositoryAsync(string repository, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates a repository. <c>POST /repositories?bare=</c>. Not retried after a 5xx or a timeout (the server may have
    /// created it); with <see cref="CreateRepositoryOptions.ExistOk"/>, a 409 answers the existing repository instead.
    /// </summary>
    /// <param name="name">Repository id: 3 to 63 lower-case letters, digits and dashes, starting with a letter or digit.</param>
    /// <param name="storageNamespace">Where the repository stores its data, e.g. <c>s3://bucket/path/</c> (schemes s3, gs, http, https, mem, local, transient).</param>
    /// <param name="options">Default branch, bare, read-only, sample data, exist-ok; <c>null</c> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The repository created (or, with exist-ok, the one that existed).</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> or <paramref name="storageNamespace"/> does not match the server's pattern; thrown before any request.</exception>
    /// <exception cref="LakeFsApiException">The request failed: 409 when the repository exists (without exist-ok), 400 for a namespace the server's blockstore cannot use or that another repository uses, 410 while a repository of that name is being deleted.</exception>
    Task<Repository> CreateRepositoryAsync(string name, string storageNamespace, CreateRepositoryOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes a repository. <c>DELETE /repositories/{repository}?force=</c>.</summary>
    /// <param name="repository">Repository id.</param>
    /// <param name="force">Delete even a read-only repository.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the repository is deleted.</returns>
    /// <exception cref="ArgumentException"><paramref name="repository"/> is null, empty, whitespace, <c>.</c> or <c>..</c>.</exception>
    /// <exception cref="LakeFsApiException">The request failed: 404 for an unknown repository, 403 for a read-only one without <paramref name="force"/>.</exception>
    /// <remarks>
    /// When a deletion failed midway (500), the repository answers 410 until it is deleted again: calling this method
    /// again finishes the deletion. When an attempt fails in a way that does not rule out that the server deleted the
    /// repository (a 5xx, a timeout, a lost connection) and the retry then answers 404, that attempt did the
    /// deletion: the method returns normally.
    /// </remarks>
    Task DeleteRepositoryAsync(string repository, bool force = false, CancellationToken cancellationToken = default);

    /// <summary>Gets the metadata of a repository (read-only through the API). <c>GET /repositories/{repository}/metadata</c>.</summary>
    /// <param name="repository">Repository id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The metadata; empty when there is none.</returns>
    /// <exception cref="ArgumentException"><paramref name="repository"/> is null, empty, whitespace, <c>.</c> or <c>..</c>.</exception>
    /// <exception cref="LakeFsApiException">The request failed, e.g. 404 for an unknown repository.</exception>
    Task<IReadOnlyDictionary<string, string>> GetRepositoryMetadataAsync(string repository, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets the garbage collection rules of a repository. <c>GET /repositories/{repository}/settings/gc_rules</c>.
    /// </summary>
    /// <param name="repository">Repository id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The rules (<see cref="GarbageCollectionRules.Branches"/> is never null), or <c>null</c> when none are set.</returns>
    /// <exception cref="ArgumentException"><paramref name="repository"/> is null, empty, whitespace, <c>.</c> or <c>..</c>.</exception>
    /// <exception cref="LakeFsApiException">The request failed, e.g. 404 for an unknown repository.</exception>
    /// <remarks>
    /// lakeFS answers 404 both when no rules are set and for an unknown repository: a 404 whose message is
    /// <c>repository not found</c> is thrown at once; any other 404 is checked with <c>GET
    /// /repositories/{repository}</c> (which throws its own 404 for an unknown repository) and otherwise means "no
    /// rules": <c>null</c>.
    /// </remarks>
    Task<GarbageCollectionRules?> GetGCRulesAsync(string repository, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the garbage collection rules of a repository. <c>PUT /repositories/{repository}/settings/gc_rules</c>.
    /// Null <see cref="GarbageCollectionRules.Branches"/> is sent as an empty array (the server rejects null).
    /// </summary>
    /// <param name="repository">Repository id.</param>
    /// <param name="rules">The rules.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the rules are stored.</returns>
    /// <exception cref="ArgumentException"><paramref name="repository"/> is invalid, <paramref name="rules"/> is null, or a branch rule is null or has no branch id.</exception>
    /// <exception cref="LakeFsApiException">The request failed, e.g. 403 for a read-only repository.</exception>
    Task SetGCRulesAsync(string repository, GarbageCollectionRules rules, CancellationToken cancellationToken = default);

    /// <summary>Removes the garbage collection rules of a repository. <c>DELETE /repositories/{repository}/settings/gc_rules</c>.</summary>
    /// <param name="repository">Repository id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the rules are removed.</returns>
    /// <exception cref="ArgumentException"><paramref name="repository"/> is null, empty, whitespace, <c>.</c> or <c>..</c>.</exception>
    /// <exception cref="LakeFsApiException">The request failed, e.g. 403 for a read-only repository.</exception>
    Task DeleteGCRulesAsync(string repository, CancellationToken cancellationToken = default);

    /// <summary>Gets the branch protection rules of a repository and their raw ETag. <c>GET /repositories/{repository}/settings/branch_protection</c>.</summary>
    /// <param name="repository">Repository id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The rules and their ETag (empty when no rules exist).</returns>
    /// <exception cref="ArgumentException"><paramref name="repository"/> is null, empty, whitespace, <c>.</c> or <c>..</c>.</exception>
    /// <exception cref="LakeFsApiException">The request failed, e.g. 404 for an unknown repository.</exception>
    Task<BranchProtectionRules> GetBranchProtectionRulesAsync(string repository, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the branch protection rules of a repository. <c>PUT
    /// /repositories/{repository}/settings/branch_protection</c>.
    /// </summary>
    /// <param name="repository">Repository id.</param>
    /// <param name="rules">The new rules (an empty list removes all).</param>
    /// <param name="ifMatch">The ETag the rules were read at; <c>null</c> or empty for an unconditional replace.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the rules are replaced.</returns>
    /// <exception cref="ArgumentException"><paramref name="repository"/> is invalid, <paramref name="rules"/> is null, or a rule is null or has an empty pattern.</exception>
    /// <exception cref="LakeFsApiException">The request failed: 412 when the rules changed since <paramref name="ifMatch"/>, 403 for a read-only repository.</exception>
    /// <remarks>
    /// With <paramref name="ifMatch"/> (an ETag from <see cref="GetBranchProtectionRulesAsync"/>), the header
    /// <c>If-Match</c> is sent exactly as given, unquoted, and the server replaces the rules only if they did not
    /// change (412 otherwise). <c>null</c> or empty sends no If-Match: lakeFS answers 412 to any If-Match while no
    /// rules exist, so the first rules can only be written unconditionally. When a conditional replace is retried
    /// after a failure that does not rule out that it was applied (a 5xx, a timeout, a lost connection) and the retry
    /// gets 412, the rules are read again: the replace succeeded if they are the rules written (the 412 came from its
    /// own change), and is a 412 conflict otherwise.
    /// </remarks>
    Task SetBranchProtectionRulesAsync(string repository, IEnumerable<BranchProtectionRule> rules, string? ifMatch = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds a branch protection rule by read-modify-write (<c>GET</c> then <c>PUT</c> with If-Match of
    /// <c>/repositories/{repository}/settings/branch_protection</c>), reading again and retrying when another writer
    /// changed the rules in between (412), up to 5 attempts.
    /// </summary>
    /// <param name="repository">Repository id.</param>
    /// <param name="pattern">Branch name pattern, e.g. <c>main</c> or <c>release-*</c>.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>True when this call added the rule (including by a write whose answer was lost); false when it was already there.</returns>
    /// <exception cref="ArgumentException"><paramref name="repository"/> or <paramref name="pattern"/> is null or empty.</exception>
    /// <exception cref="LakeFsApiException">A request failed; status 412 when the rules kept changing through every attempt.</exception>
    /// <remarks>
    /// Does nothing when a rule with this pattern exists. A write whose answer was lost but which was applied counts
    /// as this call's (see <see cref="SetBranchProtectionRulesAsync"/>): the rule it added is not reported as
    /// "already there".
    /// </remarks>
    Task<bool> AddBranchProtectionRuleAsync(string repository, string pattern, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes a branch protection rule by read-modify-write, like <see cref="AddBranchProtectionRuleAsync"/>.
    /// Does nothing when no rule has this pattern.
    /// </summary>
    /// <param name="repository">Repository id.</param>
    /// <param name="pattern">The rule's exact pattern.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>True when this call removed the rule (including by a write whose answer was lost); false when it was not there.</returns>
    /// <exception cref="ArgumentException"><paramref name="repository"/> or <paramref name="pattern"/> is null or empty.</exception>
    /// <exception cref="LakeFsApiException">A request failed; status 412 when the rules kept changing through every attempt.</exception>
    Task<bool> RemoveBranchProtectionRuleAsync(string repository, string pattern, CancellationToken cancellationToken = default);

    /// <summary>Starts a task that dumps the repository's refs to its storage namespace. <c>POST /repositories/{repository}/dump</c>. Not retried after a 5xx or a timeout.</summary>
    /// <param name="repository">Repository id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The task id (<c>DR...</c>), for <see cref="GetDumpStatusAsync"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="repository"/> is null, empty, whitespace, <c>.</c> or <c>..</c>.</exception>
    /// <exception cref="LakeFsApiException">The request failed, e.g. 404 for an unknown repository.</exception>
    Task<string> SubmitDumpAsync(string repository, CancellationToken cancellationToken = default);

    /// <summary>Gets the status of a dump task. <c>GET /repositories/{repository}/dump?task_id=</c>.</summary>
    /// <param name="repository">Repository id.</param>
    /// <param name="taskId">Task id from <see cref="SubmitDumpAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The status; <see cref="RepositoryDumpStatus.Refs"/> once the refs were written.</returns>
    /// <exception cref="ArgumentException">An argument is null or empty.</exception>
    /// <exception cref="LakeFsApiException">The request failed: 404 for an unknown task or one swept 24-48 hours after it ended.</exception>
    Task<RepositoryDumpStatus> GetDumpStatusAsync(string repository, string taskId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Dumps the repository's refs and waits for the task (<c>POST</c>, then <c>GET /repositories/{repository}/dump?task_id=</c>
    /// every <see cref="TaskWaitOptions.PollInterval"/>).
    /// </summary>
    /// <param name="repository">Repository id.</param>
    /// <param name="options">Poll interval, timeouts and progress; <c>null</c> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the wait (the task goes on on the server).</param>
    /// <returns>The ids of the dumped meta ranges, to pass to <see cref="RestoreAsync"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="repository"/> is invalid or an option is out of range.</exception>
    /// <exception cref="RepositoryTaskFailedException">The task ended with an error.</exception>
    /// <exception cref="RepositoryTaskTimeoutException">The task stopped updating or did not end in time.</exception>
    /// <exception cref="LakeFsApiException">A request failed.</exception>
    Task<RefsDump> DumpAsync(string repository, TaskWaitOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts a task that restores refs into a bare repository. <c>POST /repositories/{repository}/restore</c>. Not retried
    /// after a 5xx or a timeout.
    /// </summary>
    /// <param name="repository">Repository id (a bare repository).</param>
    /// <param name="refs">The meta range ids of a dump.</param>
    /// <param name="force">Restore even into a read-only repository.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The task id (<c>RR...</c>), for <see cref="GetRestoreStatusAsync"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="repository"/> is invalid, or <paramref name="refs"/> or one of its ids is null or empty.</exception>
    /// <exception cref="LakeFsApiException">The request failed: 400 when the repository is not bare (the message says so), 404 for an unknown repository.</exception>
    Task<string> SubmitRestoreAsync(string repository, RefsDump refs, bool force = false, CancellationToken cancellationToken = default);

    /// <summary>Gets the status of a restore task. <c>GET /repositories/{repository}/restore?task_id=</c>.</summary>
    /// <param name="repository">Repository id.</param>
    /// <param name="taskId">Task id from <see cref="SubmitRestoreAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The status.</returns>
    /// <exception cref="ArgumentException">An argument is null or empty.</exception>
    /// <exception cref="LakeFsApiException">The request failed: 404 for an unknown task or one swept 24-48 hours after it ended.</exception>
    Task<RepositoryRestoreStatus> GetRestoreStatusAsync(string repository, string taskId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Restores refs into a bare repository and waits for the task (<c>POST</c>, then
    /// <c>GET /repositories/{repository}/restore?task_id=</c> every <see cref="TaskWaitOptions.PollInterval"/>).
    /// </summary>
    /// <param name="repository">Repository id (a bare repository).</param>
    /// <param name="refs">The meta range ids of a dump.</param>
    /// <param name="force">Restore even into a read-only repository.</param>
    /// <param name="options">Poll interval, timeouts and progress; <c>null</c> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the wait (the task goes on on the server).</param>
    /// <returns>A task that completes when the refs are restored.</returns>
    /// <exception cref="ArgumentException">An argument is invalid or an option is out of range.</exception>
    /// <exception cref="RepositoryTaskFailedException">The task ended with an error (e.g. <c>read-only repository</c>).</exception>
    /// <exception cref="RepositoryTaskTimeoutException">The task stopped updating or did not end in time.</exception>
    /// <exception cref="LakeFsApiException">A request failed, e.g. 400 when the repository is not bare.</exception>
    Task RestoreAsync(string repository, RefsDump refs, bool force = false, TaskWaitOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads a ref's action files as lakeFS loads them: lists <c>_lakefs_actions/</c> with delimiter <c>/</c>
    /// (<c>GET /repositories/{repository}/refs/{ref}/objects/ls</c>, 1000 per page) and reads each object
    /// (<c>GET /repositories/{repository}/refs/{ref}/objects?path=</c>). Subfolders come back as folder entries,
    /// objects over <see cref="ActionValidationOptions.MaxFileBytes"/> as oversized entries (not downloaded).
    /// </summary>
    /// <param name="repository">Repository id.</param>
    /// <param name="reference">A branch (its uncommitted objects included), a tag or a commit id: the event's source ref.</param>
    /// <param name="options">The size limit; <c>null</c> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The entries in path order.</returns>
    /// <exception cref="ArgumentException">An id is null, empty or whitespace.</exception>
    /// <exception cref="LakeFsApiException">A request failed, e.g. 404 for an unknown repository or ref.</exception>
    Task<IReadOnlyList<ActionFileSource>> ReadActionFilesAsync(string repository, string reference, ActionValidationOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads a ref's action files (<see cref="ReadActionFilesAsync"/>) and validates them as lakeFS would load
    /// them; the result plans events with <see cref="ActionFolderResult.Plan"/>.
    /// </summary>
    /// <param name="repository">Repository id.</param>
    /// <param name="reference">The ref to read the files from.</param>
    /// <param name="options">Validation settings; <c>null</c> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The folder's validation.</returns>
    /// <exception cref="ArgumentException">An id is null, empty or whitespace.</exception>
    /// <exception cref="LakeFsApiException">A request failed, e.g. 404 for an unknown repository or ref.</exception>
    Task<ActionFolderResult> ValidateActionFilesAsync(string repository, string reference, ActionValidationOptions? options = null, CancellationToken cancellationToken = default);
}
