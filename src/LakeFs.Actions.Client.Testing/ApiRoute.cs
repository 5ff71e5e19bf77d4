namespace LakeFs.Actions.Client.Testing;

/// <summary>
/// The endpoint a raw request target and method address, with its path parameters. Each path segment is
/// percent-decoded on its own, so a repository id containing <c>/</c> (sent as <c>%2F</c>) stays one id.
/// <see cref="Operation"/> is null when the path is known but the method is not served there.
/// </summary>
internal sealed record ApiRoute(string? Operation, string? Repository, string? RunId, string? HookRunId)
{
    private const string ApiPrefix = "/api/v1/";

    /// <summary>Every path segment after <c>/api/v1/</c>, percent-decoded (e.g. the branch of <c>repositories/r/branches/b</c> is index 3).</summary>
    public IReadOnlyList<string> Segments { get; init; } = [];

    /// <summary>Matches <paramref name="rawTarget"/> (path and query as sent) and the method to an endpoint, or returns null for an unknown path.</summary>
    public static ApiRoute? Match(string method, string rawTarget)
    {
        var path = rawTarget;
        var query = path.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
        {
            path = path[..query];
        }

        if (!path.StartsWith(ApiPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var segments = path[ApiPrefix.Length..].Split('/');
        if (segments.Any(string.IsNullOrEmpty) || segments[0] != "repositories")
        {
            return null;
        }

        string[] decoded;
        try
        {
            decoded = [.. segments.Select(Uri.UnescapeDataString)];
        }
        catch (UriFormatException)
        {
            return null;
        }

        var repository = segments.Length > 1 ? decoded[1] : null;
        string?[] operations = segments.Length switch
        {
            1 => [EmulatorOperations.ListRepositories, EmulatorOperations.CreateRepository, null],
            2 => [EmulatorOperations.GetRepository, null, EmulatorOperations.DeleteRepository],
            3 when IsLiteral(segments, 2, "metadata") => [EmulatorOperations.GetRepositoryMetadata, null, null],
            3 when IsLiteral(segments, 2, "dump") => [EmulatorOperations.DumpStatus, EmulatorOperations.DumpSubmit, null],
            3 when IsLiteral(segments, 2, "restore") => [EmulatorOperations.RestoreStatus, EmulatorOperations.RestoreSubmit, null],
            4 when IsLiteral(segments, 2, "settings") && IsLiteral(segments, 3, "gc_rules") =>
                [EmulatorOperations.GetGCRules, null, EmulatorOperations.DeleteGCRules, EmulatorOperations.SetGCRules],
            4 when IsLiteral(segments, 2, "settings") && IsLiteral(segments, 3, "branch_protection") =>
                [EmulatorOperations.GetBranchProtectionRules, null, null, EmulatorOperations.SetBranchProtectionRules],
            4 when IsLiteral(segments, 2, "actions") && IsLiteral(segments, 3, "runs") => [EmulatorOperations.ListRepositoryRuns],
            5 when IsLiteral(segments, 2, "actions") && IsLiteral(segments, 3, "runs") =>
                [EmulatorOperations.GetRun],
            6 when IsLiteral(segments, 2, "actions") && IsLiteral(segments, 3, "runs") && IsLiteral(segments, 5, "hooks") =>
                [EmulatorOperations.ListRunHooks],
            8 when IsLiteral(segments, 2, "actions") && IsLiteral(segments, 3, "runs") && IsLiteral(segments, 5, "hooks") && IsLiteral(segments, 7, "output") =>
                [EmulatorOperations.GetRunHookOutput],
            3 when IsLiteral(segments, 2, "branches") => [EmulatorOperations.ListBranches, EmulatorOperations.CreateBranch],
            4 when IsLiteral(segments, 2, "branches") => [EmulatorOperations.GetBranch, null, EmulatorOperations.DeleteBranch],
            5 when IsLiteral(segments, 2, "branches") && IsLiteral(segments, 4, "commits") => [null, EmulatorOperations.Commit],
            5 when IsLiteral(segments, 2, "branches") && IsLiteral(segments, 4, "objects") =>
                [null, EmulatorOperations.UploadObject, EmulatorOperations.DeleteObject],
            6 when IsLiteral(segments, 2, "refs") && IsLiteral(segments, 4, "merge") => [null, EmulatorOperations.MergeIntoBranch],
            5 when IsLiteral(segments, 2, "refs") && IsLiteral(segments, 4, "objects") => [EmulatorOperations.GetObject],
            6 when IsLiteral(segments, 2, "refs") && IsLiteral(segments, 4, "objects") && IsLiteral(segments, 5, "ls") => [EmulatorOperations.ListObjects],
            3 when IsLiteral(segments, 2, "tags") => [null, EmulatorOperations.CreateTag],
            4 when IsLiteral(segments, 2, "tags") => [null, null, EmulatorOperations.DeleteTag],
            _ => [],
        };
        if (operations.Length == 0)
        {
            return null;
        }

        // Slots: GET, POST, DELETE, PUT.
        var slot = method switch
        {
            "GET" => 0,
            "POST" => 1,
            "DELETE" => 2,
            "PUT" => 3,
            _ => -1,
        };
        var operation = slot >= 0 && slot < operations.Length ? operations[slot] : null;
        return new ApiRoute(
            operation,
            repository,
            segments.Length > 4 ? decoded[4] : null,
            segments.Length > 6 ? decoded[6] : null)
        {
            Segments = decoded,
        };
    }

    private static bool IsLiteral(string[] segments, int index, string literal) =>
        string.Equals(segments[index], literal, StringComparison.Ordinal);
}
