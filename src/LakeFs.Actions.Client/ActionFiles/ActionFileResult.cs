namespace LakeFs.Actions.Client;

/// <summary>The validation of one action file.</summary>
public sealed class ActionFileResult
{
    internal ActionFileResult(string path, ActionFile? action, IReadOnlyList<ActionDiagnostic> diagnostics, string? lakeFsError)
    {
        Path = path;
        Action = action;
        Diagnostics = diagnostics;
        LakeFsError = lakeFsError;
    }

    /// <summary>The file's path.</summary>
    public string Path { get; }

    /// <summary>The decoded action, or null when the file is not YAML lakeFS can decode (or was not read).</summary>
    public ActionFile? Action { get; }

    /// <summary>Every finding, in source order (line, then column).</summary>
    public IReadOnlyList<ActionDiagnostic> Diagnostics { get; }

    /// <summary>
    /// The error lakeFS reports for this file when it loads the folder, e.g.
    /// <c>parsing file _lakefs_actions/x.yaml: 'name' is required: invalid action</c>; null when lakeFS loads it.
    /// </summary>
    public string? LakeFsError { get; }

    /// <summary>True when a diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == ActionDiagnosticSeverity.Error);
}
