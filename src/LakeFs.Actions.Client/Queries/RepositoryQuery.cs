namespace LakeFs.Actions.Client;

/// <summary>Which repositories to list.</summary>
public sealed class RepositoryQuery
{
    /// <summary>Only repositories whose id starts with this prefix (server-side).</summary>
    public string? Prefix { get; set; }

    /// <summary>Only repositories whose id contains this text (server-side).</summary>
    public string? Search { get; set; }

    /// <summary>Page size asked of the server (clamped to 1..1000).</summary>
    public int? PageSize { get; set; }
}
