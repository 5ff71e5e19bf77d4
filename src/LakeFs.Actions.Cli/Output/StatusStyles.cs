using Spectre.Console;

namespace LakeFs.Actions.Cli;

/// <summary>How statuses look in a table: completed green, failed red, skipped grey, anything else yellow.</summary>
internal static class StatusStyles
{
    public static Style StyleOf(string status) => status.ToLowerInvariant() switch
    {
        "completed" => new Style(Color.Green),
        "failed" => new Style(Color.Red, decoration: Decoration.Bold),
        "skipped" => new Style(Color.Grey),
        _ => new Style(Color.Yellow),
    };

    public static Text Of(string status) => new(status, StyleOf(status));
}
