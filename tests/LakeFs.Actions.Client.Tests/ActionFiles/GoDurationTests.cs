
namespace LakeFs.Actions.Client.Tests.ActionFiles;

/// <summary>
/// <see cref="GoDuration"/> against the behaviour of Go's <c>time.ParseDuration</c> (the cases Go's own tests pin:
/// signs, fractions, every unit, composites, the int64 limits, overflow and its exact error texts).
/// </summary>
public class GoDurationTests
{
    private const long Ns = 1;
    private const long Us = 1_000;
    private const long Ms = 1_000_000;
    private const long S = 1_000_000_000;
    private const long M = 60 * S;
    private const long H = 60 * M;

    public static TheoryData<string, long> Valid => new()
    {
        { "0", 0 },
        { "5s", 5 * S },
        { "30s", 30 * S },
        { "1478s", 1478 * S },
        { "-5s", -5 * S },
        { "+5s", 5 * S },
        { "-0", 0 },
        { "+0", 0 },
        { "5.0s", 5 * S },
        { "5.6s", (5 * S) + (600 * Ms) },
        { "5.s", 5 * S },
        { ".5s", 500 * Ms },
        { "1.0s", S },
        { "1.00s", S },
        { "1.004s", S + (4 * Ms) },
        { "1.0040s", S + (4 * Ms) },
        { "100.00100s", (100 * S) + Ms },
        { "10ns", 10 * Ns },
        { "11us", 11 * Us },
        { "12\u00b5s", 12 * Us },
        { "12\u03bcs", 12 * Us },
        { "13ms", 13 * Ms },
        { "14s", 14 * S },
        { "15m", 15 * M },
        { "16h", 16 * H },
        { "3h30m", (3 * H) + (30 * M) },
        { "10.5s4m", (4 * M) + (10 * S) + (500 * Ms) },
        { "-2m3.4s", -((2 * M) + (3 * S) + (400 * Ms)) },
        { "1h2m3s4ms5us6ns", H + (2 * M) + (3 * S) + (4 * Ms) + (5 * Us) + (6 * Ns) },
        { "39h9m14.425s", (39 * H) + (9 * M) + (14 * S) + (425 * Ms) },
        { "52763797000ns", 52763797000 },
        { "0.3333333333333333333h", 20 * M },
        { "9007199254740993ns", (1L << 53) + 1 },
        { "9223372036854775807ns", long.MaxValue },
        { "9223372036854775.807us", long.MaxValue },
        { "9223372036s854ms775us807ns", long.MaxValue },
        { "-9223372036854775808ns", long.MinValue },
        { "-9223372036854775.808us", long.MinValue },
        { "-9223372036s854ms775us808ns", long.MinValue },
        { "-2562047h47m16.854775808s", long.MinValue },
        { "0.100000000000000000000h", 6 * M },
        // Reaches the first overflow check of Go's leadingFraction with exactly (2^63-1)/10 accumulated.
        { "0.830103483285477580700h", (49 * M) + (48 * S) + 372539827 },
        { "1h1.5m", H + (90 * S) },
        { "1.5h", 90 * M },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Parses_what_Go_parses_to_the_same_nanoseconds(string text, long expected)
    {
        Assert.True(GoDuration.TryParseNanoseconds(text, out var nanoseconds, out var error), error);
        Assert.Equal(expected, nanoseconds);
    }

    [Theory]
    [InlineData("", "time: invalid duration \"\"")]
    [InlineData("3", "time: missing unit in duration \"3\"")]
    [InlineData("30", "time: missing unit in duration \"30\"")]
    [InlineData("1h30", "time: missing unit in duration \"1h30\"")]
    [InlineData("-", "time: invalid duration \"-\"")]
    [InlineData("+", "time: invalid duration \"+\"")]
    [InlineData("s", "time: invalid duration \"s\"")]
    [InlineData(".", "time: invalid duration \".\"")]
    [InlineData("-.", "time: invalid duration \"-.\"")]
    [InlineData(".s", "time: invalid duration \".s\"")]
    [InlineData("+.s", "time: invalid duration \"+.s\"")]
    [InlineData(" 5s", "time: invalid duration \" 5s\"")]
    [InlineData("5s ", "time: unknown unit \"s \" in duration \"5s \"")]
    [InlineData("1d", "time: unknown unit \"d\" in duration \"1d\"")]
    [InlineData("5S", "time: unknown unit \"S\" in duration \"5S\"")]
    [InlineData("1sec", "time: unknown unit \"sec\" in duration \"1sec\"")]
    [InlineData("1e3s", "time: unknown unit \"e\" in duration \"1e3s\"")]
    [InlineData("\uFFFD", "time: invalid duration \"\\xef\\xbf\\xbd\"")]
    [InlineData("\uFFFD hello \uFFFD world", "time: invalid duration \"\\xef\\xbf\\xbd hello \\xef\\xbf\\xbd world\"")]
    [InlineData("5\u00e9", "time: unknown unit \"\\xc3\\xa9\" in duration \"5\\xc3\\xa9\"")]
    [InlineData("\"1s\"", "time: invalid duration \"\\\"1s\\\"\"")]
    [InlineData("9223372036854775810ns", "time: invalid duration \"9223372036854775810ns\"")]
    [InlineData("9223372036854775808ns", "time: invalid duration \"9223372036854775808ns\"")]
    [InlineData("-9223372036854775809ns", "time: invalid duration \"-9223372036854775809ns\"")]
    [InlineData("9223372036854775.808us", "time: invalid duration \"9223372036854775.808us\"")]
    [InlineData("9223372036854ms775us808ns", "time: invalid duration \"9223372036854ms775us808ns\"")]
    [InlineData("2562048h", "time: invalid duration \"2562048h\"")]
    [InlineData("99999999999999999999s", "time: invalid duration \"99999999999999999999s\"")]
    public void Refuses_what_Go_refuses_with_its_text(string text, string expected)
    {
        Assert.False(GoDuration.TryParseNanoseconds(text, out _, out var error));
        Assert.Equal(expected, error);
        Assert.False(GoDuration.TryParse(text, out _, out var again));
        Assert.Equal(expected, again);
    }

    [Fact]
    public void TryParse_truncates_to_ticks()
    {
        Assert.True(GoDuration.TryParse("1h2m3s4ms5us6ns", out var duration, out _));
        Assert.Equal(new TimeSpan(0, 1, 2, 3, 4, 5), duration);
    }
}
