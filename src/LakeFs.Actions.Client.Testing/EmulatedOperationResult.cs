namespace LakeFs.Actions.Client.Testing;

/// <summary>
/// The outcome of an operation fired on the emulator without HTTP (<see cref="LakeFsActionsEmulator.CommitAsync"/>,
/// <see cref="LakeFsActionsEmulator.MergeAsync"/>, ...): what lakeFS would have answered, the runs of its pre-*
/// events, and a way to wait for its post-* runs, which start after the operation answered.
/// </summary>
public sealed class EmulatedOperationResult
{
    private readonly Task<IReadOnlyList<string>> _postRuns;

    internal EmulatedOperationResult(int statusCode, string? message, string? reference, IReadOnlyList<string> preRunIds, Task<IReadOnlyList<string>>? postRuns)
    {
        StatusCode = statusCode;
        Message = message;
        Reference = reference;
        PreRunIds = preRunIds;
        _postRuns = postRuns ?? Task.FromResult<IReadOnlyList<string>>([]);
    }

    /// <summary>True when the operation succeeded (a 2xx status).</summary>
    public bool Succeeded => StatusCode is >= 200 and < 300;

    /// <summary>The HTTP status lakeFS would answer: 201 for a commit, 200 for a merge, 412 for a hook abort, ...</summary>
    public int StatusCode { get; }

    /// <summary>The error message lakeFS would send (e.g. <c>pre-commit hook aborted, run id '...': ...</c>), or null on success.</summary>
    public string? Message { get; }

    /// <summary>
    /// What the operation made or pointed at: the new commit id (commit), the merge commit id (merge), the source commit id
    /// (create branch), the tagged commit id (create tag); null otherwise or on failure.
    /// </summary>
    public string? Reference { get; }

    /// <summary>Ids of the runs of the operation's prepare/pre-* events, in the order they fired (including events nothing matched, whose ids record nothing).</summary>
    public IReadOnlyList<string> PreRunIds { get; }

    /// <summary>Waits until the operation's post-* hooks finished and their runs are recorded.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The ids of the post-* runs that were recorded (none when no action matched).</returns>
    public Task<IReadOnlyList<string>> WaitForPostRunsAsync(CancellationToken cancellationToken = default) => _postRuns.WaitAsync(cancellationToken);

    /// <inheritdoc />
    public override string ToString() => Succeeded ? $"{StatusCode} {Reference}" : $"{StatusCode} {Message}";
}
