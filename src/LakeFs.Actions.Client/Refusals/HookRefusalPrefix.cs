namespace LakeFs.Actions.Client;

/// <summary>The <c>update branch</c> prefix of a hook abort, which tells which kind of operation was refused.</summary>
public enum HookRefusalPrefix
{
    /// <summary>No prefix: a commit, or a branch or tag operation.</summary>
    None,

    /// <summary><c>update branch: </c>: a revert or a cherry-pick.</summary>
    UpdateBranch,

    /// <summary><c>update branch &lt;destination&gt;: </c>: a merge or an import, into <see cref="HookRefusal.Destination"/>.</summary>
    UpdateBranchWithDestination,
}
