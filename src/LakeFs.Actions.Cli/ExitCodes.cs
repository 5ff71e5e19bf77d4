namespace LakeFs.Actions.Cli;

/// <summary>The exit codes of <c>lakefs-runs</c>, as listed in <c>--help</c>.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Success = 0;

    /// <summary>With <c>--exit-status</c>: a run or hook failed.</summary>
    public const int RunFailed = 1;

    /// <summary>Bad arguments or configuration, including conflicting filters and an ambiguous commit abbreviation.</summary>
    public const int Usage = 2;

    /// <summary>The repository, run or hook run does not exist (HTTP 404), or a hook's log is gone (HTTP 410).</summary>
    public const int NotFound = 3;

    /// <summary>Authentication or permission failure (HTTP 401 or 403).</summary>
    public const int Unauthorized = 4;

    /// <summary>Any other API or network error, after the client's retries.</summary>
    public const int ApiError = 5;

    /// <summary>A conflict: the repository already exists (HTTP 409), or the branch protection rules kept changing (HTTP 412).</summary>
    public const int Conflict = 6;

    /// <summary><c>watch</c> gave up at <c>--timeout</c>, or a dump/restore task stalled or timed out (the code <c>timeout(1)</c> uses).</summary>
    public const int Timeout = 124;

    /// <summary>Interrupted with Ctrl+C (128 + SIGINT).</summary>
    public const int Interrupted = 130;

    /// <summary>The list shown at the end of <c>--help</c>.</summary>
    public const string HelpText = """
        Exit codes:
          0    success
          1    with --exit-status: a run or hook failed
          2    usage error (a malformed option value, an --output the command cannot
               write, --branch with --commit, an ambiguous commit abbreviation), a broken
               configuration, or no server configured in CI without --demo
          3    not found (HTTP 404: repository, run or hook run; HTTP 410: a hook's log is gone)
          4    authentication or permission error (HTTP 401/403)
          5    any other API or network error, after retries (also a dump/restore task
               that ended with an error)
          6    conflict (HTTP 409: the repository exists, see repo create --exist-ok;
               HTTP 412: the branch protection rules changed meanwhile)
          124  watch timed out (--timeout); a dump/restore task stalled or timed out
          130  interrupted (Ctrl+C)
        """;
}
