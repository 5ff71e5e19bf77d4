namespace LakeFs.Actions.Cli.Tests;

public class DurationParserTests
{
    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("2s", 2_000)]
    [InlineData("30m", 1_800_000)]
    [InlineData("2h", 7_200_000)]
    [InlineData("1d", 86_400_000)]
    [InlineData("1h30m", 5_400_000)]
    [InlineData("1.5h", 5_400_000)]
    [InlineData(" 90s ", 90_000)]
    public void Reads_go_style_durations(string text, long milliseconds)
    {
        Assert.True(DurationParser.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("10")]
    [InlineData("h")]
    [InlineData("5w")]
    [InlineData("-5s")]
    [InlineData("2s garbage")]
    [InlineData("1.2.3s")]
    public void Rejects_anything_else(string text) => Assert.False(DurationParser.TryParse(text, out _));

    [Theory]
    [InlineData(250, "250ms")]
    [InlineData(4_500, "4.5s")]
    [InlineData(185_000, "3m05s")]
    [InlineData(7_800_000, "2h10m")]
    public void Formats_durations_compactly(long milliseconds, string expected) =>
        Assert.Equal(expected, DurationParser.Format(TimeSpan.FromMilliseconds(milliseconds)));
}
