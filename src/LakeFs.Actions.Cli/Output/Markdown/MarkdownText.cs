using System.Text;
using System.Text.RegularExpressions;

namespace LakeFs.Actions.Cli;

/// <summary>
/// Turns text from the server (ids, branch names, hook logs: none of it trusted) into GitHub-flavoured markdown
/// that shows it literally: escaped table cells, code spans, HTML for <c>&lt;summary&gt;</c>, fenced code blocks.
/// </summary>
internal static partial class MarkdownText
{
    private const string Punctuation = "\\`*_[]<>|~&";

    /// <summary>Text for a table cell or a heading: markdown punctuation and pipes backslash-escaped, on one line.</summary>
    public static string Escape(string? text)
    {
        var builder = new StringBuilder();
        foreach (var c in OneLine(text))
        {
            if (Punctuation.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>A code span for ids in a table cell: delimited by more backticks than it contains; pipes escaped (GFM tables split on them even in code).</summary>
    public static string Code(string? text)
    {
        var value = OneLine(text);
        if (value.Length == 0)
        {
            return string.Empty;
        }

        var ticks = new string('`', LongestRun(value, '`') + 1);
        var padded = value.StartsWith('`') || value.EndsWith('`') ? $" {value} " : value;
        return ticks + padded.Replace("|", "\\|", StringComparison.Ordinal) + ticks;
    }

    /// <summary>Text inside an HTML element such as <c>&lt;summary&gt;</c>: HTML-escaped, on one line.</summary>
    public static string Html(string? text) => OneLine(text)
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("'", "&#39;", StringComparison.Ordinal);

    /// <summary>A fenced code block of <paramref name="lines"/>: the fence is longer than any run of backticks in them, so no log line can close it.</summary>
    public static string FencedBlock(IEnumerable<string> lines)
    {
        var clean = lines.Select(Clean).ToList();
        var longest = clean.Count == 0 ? 0 : clean.Max(line => LongestRun(line, '`'));
        var fence = new string('`', Math.Max(3, longest + 1));
        var builder = new StringBuilder();
        builder.Append(fence).Append("text\n");
        foreach (var line in clean)
        {
            builder.Append(line).Append('\n');
        }

        return builder.Append(fence).Append('\n').ToString();
    }

    /// <summary>Removes terminal colour sequences and control characters (tabs stay).</summary>
    public static string Clean(string? text)
    {
        var withoutEscapes = AnsiSequence().Replace(text ?? string.Empty, string.Empty);
        var builder = new StringBuilder(withoutEscapes.Length);
        foreach (var c in withoutEscapes)
        {
            if (c == '\t' || !char.IsControl(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static string OneLine(string? text) => Clean((text ?? string.Empty).ReplaceLineEndings(" "));

    private static int LongestRun(string text, char c)
    {
        int longest = 0, current = 0;
        foreach (var ch in text)
        {
            current = ch == c ? current + 1 : 0;
            longest = Math.Max(longest, current);
        }

        return longest;
    }

    [GeneratedRegex(@"\x1B(\[[0-9;?]*[ -/]*[@-~]|\][^\x07\x1B]*(\x07|\x1B\\)?|[@-Z\\-_])")]
    private static partial Regex AnsiSequence();
}
