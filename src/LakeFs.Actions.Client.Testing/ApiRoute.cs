namespace LakeFs.Actions.Client.Testing;

/// <summary>
/// The endpoint a raw request target addresses, with its path parameters. Each path segment is
/// percent-decoded on its own, so a repository id containing <c>/</c> (sent as <c>%2F</c>) stays one id.
/// </summary>
internal sealed record ApiRoute(string Operation, string? Repository, string? RunId, string? HookRunId)
{
    private const string ApiPrefix = "/api/v1/";

    /// <summary>Matches <paramref name="rawTarget"/> (path and query as sent) to an endpoint, or returns null.</summary>
    public static ApiRoute? Match(string rawTarget)
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

        return segments.Length switch
        {
            1 => new ApiRoute(EmulatorOperations.ListRepositories, null, null, null),
            2 => new ApiRoute(EmulatorOperations.GetRepository, decoded[1], null, null),
            4 when IsLiteral(segments, 2, "actions") && IsLiteral(segments, 3, "runs") =>
                new ApiRoute(EmulatorOperations.ListRepositoryRuns, decoded[1], null, null),
            5 when IsLiteral(segments, 2, "actions") && IsLiteral(segments, 3, "runs") =>
                new ApiRoute(EmulatorOperations.GetRun, decoded[1], decoded[4], null),
            6 when IsLiteral(segments, 2, "actions") && IsLiteral(segments, 3, "runs") && IsLiteral(segments, 5, "hooks") =>
                new ApiRoute(EmulatorOperations.ListRunHooks, decoded[1], decoded[4], null),
            8 when IsLiteral(segments, 2, "actions") && IsLiteral(segments, 3, "runs") && IsLiteral(segments, 5, "hooks") && IsLiteral(segments, 7, "output") =>
                new ApiRoute(EmulatorOperations.GetRunHookOutput, decoded[1], decoded[4], decoded[6]),
            _ => null,
        };
    }

    private static bool IsLiteral(string[] segments, int index, string literal) =>
        string.Equals(segments[index], literal, StringComparison.Ordinal);
}
