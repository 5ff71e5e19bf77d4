namespace LakeFs.Actions.Samples.Audit;

/// <summary>What to audit: one commit's runs, or the latest runs of a repository.</summary>
internal sealed record AuditRequest(string Repository, string? Commit, int Latest, int TailLines)
{
    public const string DefaultRepository = "demo-repo";

    /// <summary><c>--html</c>: where to write the HTML report; null for none.</summary>
    public string? HtmlPath { get; init; }
}
