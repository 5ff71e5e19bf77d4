using System.Text;
using System.Text.Json;

namespace LakeFs.Actions.Webhooks;

/// <summary>Bounded, single-line texts about a body that could not be read, for a 400 answer and the log.</summary>
internal static class EventText
{
    public const int MaxChars = 300;

    public static string NotAnEvent(JsonException error)
    {
        var where = error.Path is { Length: > 0 } path ? $" at {Bound(path, 80)}" : string.Empty;
        var position = error.LineNumber is { } line ? $" (line {line + 1}, byte {error.BytePositionInLine ?? 0})" : string.Empty;
        var reason = error.InnerException is FormatException or InvalidOperationException
            ? "a value has the wrong format"
            : FirstSentence(error.Message);
        return Bound($"The body is not a lakeFS event: {reason}{where}{position}.", MaxChars);
    }

    public static string Bound(string text, int maxChars)
    {
        var builder = new StringBuilder(Math.Min(text.Length, maxChars + 3));
        foreach (var c in text)
        {
            if (builder.Length >= maxChars)
            {
                builder.Append("...");
                break;
            }

            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        return builder.ToString();
    }

    private static string FirstSentence(string message)
    {
        // System.Text.Json appends " Path: $.x | LineNumber: 0 | BytePositionInLine: 12." to its messages.
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        var sentence = (cut >= 0 ? message[..cut] : message).Trim().TrimEnd('.');
        return Bound(sentence, 200);
    }
}
