namespace LakeFs.Actions.Client.Testing;

/// <summary>
/// lakeFS's argument checks on branch ids, tag ids and refs, with its texts (<c>argument &lt;name&gt;: ...</c>). They
/// run before the repository is looked up, so a bad name is a 400 even in an unknown repository.
/// </summary>
internal static class RefNameRules
{
    private const string Required = "required value: validation error";

    /// <summary>Branch ids match <c>^\w[-\w]*$</c> with Go's ASCII <c>\w</c>.</summary>
    public static string? BranchIdError(string argument, string value) =>
        value.Length == 0 ? $"argument {argument}: {Required}"
        : IsWord(value[0]) && value.All(c => c == '-' || IsWord(c)) ? null
        : $"argument {argument}: branch id: invalid value: validation error";

    /// <summary>Refs are any text without whitespace (Go's <c>\s</c>: tab, newline, form feed, carriage return, space).</summary>
    public static string? RefError(string argument, string value) =>
        value.Length == 0 ? $"argument {argument}: {Required}"
        : value.Any(c => c is '\t' or '\n' or '\f' or '\r' or ' ') ? $"argument {argument}: ref: invalid value: validation error"
        : null;

    /// <summary>Tag ids follow git's ref-format rules as lakeFS applies them.</summary>
    public static string? TagIdError(string argument, string value)
    {
        if (value.Length == 0)
        {
            return $"argument {argument}: {Required}";
        }

        var invalid = value == "@"
            || value.EndsWith('.') || value.EndsWith(".lock", StringComparison.Ordinal)
            || value.Contains("..", StringComparison.Ordinal) || value.Contains('/', StringComparison.Ordinal) || value.Contains("@{", StringComparison.Ordinal)
            || value.IndexOfAny(['^', ':', '?', '*', '[', '\\']) >= 0
            || value.Any(c => c <= ' ');
        return invalid ? $"argument {argument}: tag id: invalid value: validation error" : null;
    }

    private static bool IsWord(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
