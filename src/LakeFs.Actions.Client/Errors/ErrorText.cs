using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LakeFs.Actions.Client;

/// <summary>
/// Keeps text taken from a response short: the <c>{"message"}</c> of a JSON error body or a snippet of any
/// other body, and parser errors that would otherwise quote a value a hostile server made huge.
/// </summary>
internal static partial class ErrorText
{
    /// <summary>The most of an error body that is read.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    /// <summary>The most characters of server text kept in an exception.</summary>
    public const int MaxSnippetChars = 300;

    /// <summary>The <c>message</c> of a JSON error body, or the text of any other body, redacted and shortened.</summary>
    public static string? ServerMessage(string body, CredentialRedactor redactor)
    {
        var trimmed = body.AsSpan().Trim();
        if (trimmed.IsEmpty)
        {
            return null;
        }

        if (trimmed[0] == '{')
        {
            try
            {
                using var reader = new JsonTextReader(new StringReader(body)) { MaxDepth = 16, DateParseHandling = DateParseHandling.None };
                if (JToken.ReadFrom(reader) is JObject json && json["message"] is JValue { Value: string message })
                {
                    return Snippet(redactor.Redact(message)!);
                }
            }
            catch (JsonException)
            {
                // Not JSON after all (or cut at the size limit): fall through to the snippet.
            }
        }

        // A proxy's error page (nginx, a load balancer): its text says what happened, its markup does not.
        return Snippet(redactor.Redact(trimmed[0] == '<' ? MarkupTag().Replace(body, " ") : body)!);
    }

    // Comments, tags and doctype, including one cut open at the 16 KB read limit. Non-backtracking: linear in
    // the body whatever a server sends.
    [GeneratedRegex(@"<!--.*?(?:-->|\z)|<[^>]*(?:>|\z)", RegexOptions.Singleline | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex MarkupTag();

    /// <summary>At most <paramref name="maxChars"/> characters of <paramref name="text"/>, whitespace and control characters collapsed.</summary>
    public static string Snippet(string text, int maxChars = MaxSnippetChars)
    {
        var collapsed = new StringBuilder(Math.Min(text.Length, maxChars + 3));
        var lastWasSpace = false;
        foreach (var c in text)
        {
            if (collapsed.Length >= maxChars)
            {
                collapsed.Append("...");
                break;
            }

            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                if (!lastWasSpace && collapsed.Length > 0)
                {
                    collapsed.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            collapsed.Append(c);
            lastWasSpace = false;
        }

        return collapsed.ToString().TrimEnd();
    }

    /// <summary>
    /// A parser error with a bounded message that keeps where the problem is (path, line, position).
    /// Newtonsoft quotes the offending value in its messages ("Error converting value "..." to type"), so a
    /// 20 MB string where a list belongs would put 20 MB into the exception's text.
    /// </summary>
    public static JsonException Bounded(JsonException error, CredentialRedactor redactor)
    {
        var message = Snippet(redactor.Redact(error.Message)!);
        return error switch
        {
            JsonReaderException reader => new JsonReaderException(WithLocation(message, reader.Path, reader.LineNumber, reader.LinePosition), reader.Path ?? string.Empty, reader.LineNumber, reader.LinePosition, null),
            JsonSerializationException serialization => new JsonSerializationException(WithLocation(message, serialization.Path, serialization.LineNumber, serialization.LinePosition), serialization.Path ?? string.Empty, serialization.LineNumber, serialization.LinePosition, null),
            _ => new JsonSerializationException(message),
        };
    }

    private static string WithLocation(string message, string? path, int line, int position) =>
        message.EndsWith("...", StringComparison.Ordinal) && path is not null
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{message} Path '{Snippet(path, 120)}', line {line}, position {position}.")
            : message;
}
