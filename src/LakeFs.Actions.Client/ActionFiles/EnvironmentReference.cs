using System.Text.RegularExpressions;

namespace LakeFs.Actions.Client;

/// <summary>
/// The <c>{{ ENV.NAME }}</c> references in a property value, found as lakeFS's <c>SecureString</c> finds them
/// (one optional space inside each brace pair, non-greedy, any number per value).
/// </summary>
internal static partial class EnvironmentReference
{
    /// <summary>The variable names referenced, in order (the text after <c>ENV.</c>).</summary>
    public static IReadOnlyList<string> Names(string value)
    {
        if (!value.Contains("{{", StringComparison.Ordinal))
        {
            return [];
        }

        var names = new List<string>();
        foreach (Match match in Pattern().Matches(value))
        {
            var raw = match.Value.Trim('{', '}', ' ');
            var dot = raw.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0 || raw[..dot] != "ENV")
            {
                continue;
            }

            names.Add(raw[(dot + 1)..]);
        }

        return names;
    }

    /// <summary>
    /// Replaces every match of lakeFS's reference pattern; <paramref name="replace"/> gets the matched text and the
    /// variable name, or null when the match is not an <c>ENV.</c> reference (lakeFS keeps such text as is).
    /// </summary>
    public static string Replace(string value, Func<string, string?, string> replace) =>
        !value.Contains("{{", StringComparison.Ordinal) ? value : Pattern().Replace(value, match =>
        {
            var raw = match.Value.Trim('{', '}', ' ');
            var dot = raw.IndexOf('.', StringComparison.Ordinal);
            return replace(match.Value, dot < 0 || raw[..dot] != "ENV" ? null : raw[(dot + 1)..]);
        });

    /// <summary>True when lakeFS treats the value as secret (it holds a reference).</summary>
    public static bool HasReference(string value) => value.Contains("{{", StringComparison.Ordinal) && Pattern().IsMatch(value);

    [GeneratedRegex(@"\{\{ ?ENV\..*? ?\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
