namespace LakeFs.Actions.Client;

/// <summary>Settings of <see cref="ActionFileValidator"/>.</summary>
public sealed class ActionValidationOptions
{
    /// <summary>lakeFS's default <c>actions.env.prefix</c>.</summary>
    public const string DefaultEnvironmentPrefix = "LAKEFSACTION_";

    /// <summary>
    /// The prefix an ENV variable must have to be substituted (lakeFS's <c>actions.env.prefix</c>,
    /// <c>LAKEFSACTION_</c> by default).
    /// </summary>
    public string EnvironmentPrefix { get; init; } = DefaultEnvironmentPrefix;

    /// <summary>
    /// The ENV variables known to be set on the lakeFS server. When given, a reference to another prefixed
    /// variable is an error (lakeFS fails to build the hook). When null (the default) nothing is assumed:
    /// the validating machine's own environment is never consulted.
    /// </summary>
    public IReadOnlySet<string>? KnownEnvironmentVariables { get; init; }

    /// <summary>Files larger than this are not validated (a diagnostic says so). Default 4 MiB.</summary>
    public long MaxFileBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Deeper YAML nesting is not validated. Default 64.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>How many nodes aliases may add when expanded before the file counts as an alias bomb. Default 100,000.</summary>
    public int MaxAliasExpansion { get; init; } = 100_000;

    /// <summary>The default settings.</summary>
    public static ActionValidationOptions Default { get; } = new();
}
