using Microsoft.Extensions.Time.Testing;

namespace LakeFs.Actions.Client.Testing.Tests;

/// <summary><see cref="StartOfDayClock"/>: a demo server started with it shows the same run ids all day, and new ones the next.</summary>
public sealed class StartOfDayClockTests
{
    private static readonly DateTimeOffset Day = new(2026, 3, 4, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Now_is_midnight_UTC_of_the_inner_clock_and_timestamps_pass_through()
    {
        var inner = new FakeTimeProvider(Day + TimeSpan.FromHours(17.5));
        var clock = new StartOfDayClock(inner);

        Assert.Equal(Day, clock.GetUtcNow());
        inner.Advance(TimeSpan.FromHours(6)); // 23:30
        Assert.Equal(Day, clock.GetUtcNow());
        inner.Advance(TimeSpan.FromHours(1)); // the next day, 00:30
        Assert.Equal(Day.AddDays(1), clock.GetUtcNow());
        Assert.Equal(inner.GetTimestamp(), clock.GetTimestamp());
        Assert.Throws<ArgumentNullException>(() => new StartOfDayClock(null!));
    }

    [Fact]
    public async Task Demo_run_ids_are_the_same_all_day_and_change_with_the_day()
    {
        var morning = await DemoRunIdsAsync(Day + TimeSpan.FromMinutes(1));
        var evening = await DemoRunIdsAsync(Day + TimeSpan.FromHours(23.9));
        var nextDay = await DemoRunIdsAsync(Day + TimeSpan.FromHours(24.1));

        Assert.NotEmpty(morning);
        Assert.Equal(morning, evening);
        Assert.NotEqual(morning, nextDay);
    }

    private static async Task<List<string>> DemoRunIdsAsync(DateTimeOffset now)
    {
        await using var lakeFs = await LakeFsActionsEmulator.StartDemoAsync(new LakeFsEmulatorOptions { TimeProvider = new StartOfDayClock(new FakeTimeProvider(now)) });
        using var http = lakeFs.CreateHttpClient();
        var page = await Api.GetJsonAsync(http, "api/v1/repositories/demo-repo/actions/runs?amount=1000");
        return [.. page.GetProperty("results").EnumerateArray().Select(run => run.GetProperty("run_id").GetString()!)];
    }
}
