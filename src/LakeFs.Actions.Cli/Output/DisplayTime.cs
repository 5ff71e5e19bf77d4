using System.Globalization;

namespace LakeFs.Actions.Cli;

/// <summary>How times and durations look in tables: UTC, to the second; <c>-</c> when absent.</summary>
internal static class DisplayTime
{
    public const string None = "-";

    public static string Of(DateTimeOffset? time) =>
        time is { } value ? value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : None;

    public static string DurationOf(DateTimeOffset? start, DateTimeOffset? end) =>
        start is { } from && end is { } to && to >= from ? DurationParser.Format(to - from) : None;

    public static string ShortCommit(string commitId) => commitId.Length > 12 ? commitId[..12] : commitId;
}
