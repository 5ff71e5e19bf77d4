namespace LakeFs.Actions.Client;

/// <summary>How bad an <see cref="ActionDiagnostic"/> is.</summary>
public enum ActionDiagnosticSeverity
{
    /// <summary>lakeFS refuses the file, or fails the operation or the hook because of it.</summary>
    Error,

    /// <summary>lakeFS accepts it, but silently does something the author most likely did not mean.</summary>
    Warning,
}

/// <summary>
/// One finding about an action file: where it is, how bad, a stable rule id (<see cref="ActionRules"/>) and a
/// message. For what lakeFS itself reports, the message is lakeFS's own text (without the
/// <c>parsing file &lt;path&gt;: </c> prefix lakeFS adds).
/// </summary>
public sealed class ActionDiagnostic
{
    /// <summary>Creates a diagnostic.</summary>
    /// <param name="file">The file's path.</param>
    /// <param name="position">Where the finding is.</param>
    /// <param name="severity">Error or warning.</param>
    /// <param name="rule">The rule id, e.g. <c>LFA003</c>.</param>
    /// <param name="message">What is wrong.</param>
    /// <exception cref="ArgumentNullException">A text argument is null.</exception>
    public ActionDiagnostic(string file, SourcePosition position, ActionDiagnosticSeverity severity, string rule, string message)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(message);
        File = file;
        Position = position;
        Severity = severity;
        Rule = rule;
        Message = message;
    }

    /// <summary>The file's path.</summary>
    public string File { get; }

    /// <summary>Where the finding is.</summary>
    public SourcePosition Position { get; }

    /// <summary>The 1-based line.</summary>
    public int Line => Position.Line;

    /// <summary>The 1-based column.</summary>
    public int Column => Position.Column;

    /// <summary>Error or warning.</summary>
    public ActionDiagnosticSeverity Severity { get; }

    /// <summary>The stable rule id (<see cref="ActionRules"/>).</summary>
    public string Rule { get; }

    /// <summary>What is wrong.</summary>
    public string Message { get; }

    /// <summary>Compiler style: <c>path:line:column: error|warning RULE: message</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        $"{File}:{Line}:{Column}: {(Severity == ActionDiagnosticSeverity.Error ? "error" : "warning")} {Rule}: {Message}";
}
