namespace LakeFs.Actions.Cli.Tests;

public class SinceParserTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2h", "2025-06-01T10:00:00Z")]
    [InlineData("30m", "2025-06-01T11:30:00Z")]
    [InlineData("1d", "2025-05-31T12:00:00Z")]
    [InlineData("2025-05-30T08:15:00Z", "2025-05-30T08:15:00Z")]
    [InlineData("2025-05-30T08:15:00.5+02:00", "2025-05-30T06:15:00.5Z")]
    [InlineData("2025-05-30T08:15:00", "2025-05-30T08:15:00Z")]
    [InlineData("2025-05-30", "2025-05-30T00:00:00Z")]
    public void Reads_a_time_or_a_duration_back_from_now(string text, string expected)
    {
        Assert.True(SinceParser.TryParse(text, Now, out var since));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), since);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("30/05/2025")]
    [InlineData("")]
    public void Rejects_anything_else(string text) => Assert.False(SinceParser.TryParse(text, Now, out _));
}
