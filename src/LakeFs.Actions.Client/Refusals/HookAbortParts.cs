namespace LakeFs.Actions.Client;

/// <summary>What <see cref="HookAbortParser"/> read, before it becomes a <see cref="HookRefusal"/>.</summary>
internal sealed class HookAbortParts
{
    public string Message { get; set; } = string.Empty;

    public string? EventType { get; set; }

    public HookRefusalPrefix Prefix { get; set; }

    public string? Destination { get; set; }

    public string? RunId { get; set; }

    public string Cause { get; set; } = string.Empty;

    public int? DeclaredErrorCount { get; set; }

    public List<HookFailure> FailedHooks { get; } = [];

    public List<BrokenActionFile> BrokenFiles { get; } = [];

    public List<string> OtherErrors { get; } = [];

    public bool IsLegacy { get; set; }

    public bool IsTruncated { get; set; }

    public bool IsAmbiguous { get; set; }

    /// <summary>The status lakeFS answered, when known.</summary>
    public int? StatusCode { get; set; }
}
