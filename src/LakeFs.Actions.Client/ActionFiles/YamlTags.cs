namespace LakeFs.Actions.Client;

/// <summary>The short tags yaml.v3 resolves scalars to.</summary>
internal static class YamlTags
{
    public const string Null = "!!null";
    public const string Bool = "!!bool";
    public const string Int = "!!int";
    public const string Float = "!!float";
    public const string String = "!!str";
    public const string Timestamp = "!!timestamp";
    public const string Binary = "!!binary";
    public const string Merge = "!!merge";
    public const string Map = "!!map";
    public const string Seq = "!!seq";
}
