namespace LakeFs.Actions.Samples.RequireOwner;

/// <summary>The <c>RequireOwner</c> configuration section (appsettings.json, or <c>RequireOwner__Branches__0=main</c> in the environment).</summary>
public sealed class RequireOwnerOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "RequireOwner";

    /// <summary>
    /// Branch patterns whose commits and merges need an owner, in Go <c>path.Match</c> syntax as lakeFS's own
    /// <c>branches:</c> lists use (<c>*</c>, <c>?</c>, <c>[a-z]</c>, <c>[^x]</c>, <c>\</c> escapes; whole name,
    /// case-sensitive). Null or empty means <c>main</c> only.
    /// </summary>
    public string[]? Branches { get; set; }

    /// <summary>The commit metadata key that must be present with a non-blank value; default <c>owner</c>.</summary>
    public string MetadataKey { get; set; } = "owner";
}
