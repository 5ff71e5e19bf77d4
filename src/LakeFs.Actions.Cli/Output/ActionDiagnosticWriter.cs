using System.Text;
using System.Text.Json;
using LakeFs.Actions.Client;

namespace LakeFs.Actions.Cli;

/// <summary>
/// Writes action file diagnostics: compiler style (<c>path:line:column: error|warning RULE: message</c>), as
/// GitHub workflow annotations, as JSON lines (<c>file</c>, <c>line</c>, <c>column</c>, <c>severity</c>,
/// <c>rule</c>, <c>message</c>) or as a markdown job summary.
/// </summary>
internal static class ActionDiagnosticWriter
{
    public static string Severity(ActionDiagnostic diagnostic) => diagnostic.Severity == ActionDiagnosticSeverity.Error ? "error" : "warning";

    public static string Text(ActionDiagnostic diagnostic) =>
        $"{diagnostic.File}:{diagnostic.Line}:{diagnostic.Column}: {Severity(diagnostic)} {diagnostic.Rule}: {OneLine(diagnostic.Message)}";

    /// <summary>A GitHub Actions workflow command: <c>::error file=...,line=...,col=...,title=RULE::message</c>.</summary>
    public static string Annotation(ActionDiagnostic diagnostic) =>
        $"::{Severity(diagnostic)} file={EscapeProperty(diagnostic.File)},line={diagnostic.Line},col={diagnostic.Column},title={EscapeProperty(diagnostic.Rule)}::{EscapeData(diagnostic.Message)}";

    public static string Json(ActionDiagnostic diagnostic)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("file", diagnostic.File);
            writer.WriteNumber("line", diagnostic.Line);
            writer.WriteNumber("column", diagnostic.Column);
            writer.WriteString("severity", Severity(diagnostic));
            writer.WriteString("rule", diagnostic.Rule);
            writer.WriteString("message", diagnostic.Message);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>A job summary: counts, then one table row per diagnostic (or a line saying there is none).</summary>
    public static string Markdown(IReadOnlyList<ActionDiagnostic> diagnostics, int fileCount)
    {
        var errors = diagnostics.Count(d => d.Severity == ActionDiagnosticSeverity.Error);
        var warnings = diagnostics.Count - errors;
        var builder = new StringBuilder("## lakeFS action files\n\n");
        if (diagnostics.Count == 0)
        {
            builder.Append(CultureFormat($"✅ {fileCount} file(s) checked: no problems.\n"));
            return builder.ToString();
        }

        builder.Append(errors > 0 ? "❌ " : "⚠️ ")
            .Append(CultureFormat($"{fileCount} file(s) checked: {errors} error(s), {warnings} warning(s).\n\n"))
            .Append("| File | Line | Severity | Rule | Message |\n|---|---:|---|---|---|\n");
        foreach (var diagnostic in diagnostics)
        {
            builder.Append("| ").Append(MarkdownText.Code(diagnostic.File))
                .Append(CultureFormat($" | {diagnostic.Line}:{diagnostic.Column} | {Severity(diagnostic)} | {diagnostic.Rule} | "))
                .Append(MarkdownText.Escape(OneLine(diagnostic.Message))).Append(" |\n");
        }

        return builder.ToString();
    }

    public static string OneLine(string text) => text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);

    private static string CultureFormat(FormattableString text) => text.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string EscapeData(string text) =>
        text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string EscapeProperty(string text) =>
        EscapeData(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
