using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace LakeFs.Actions.Client.Testing.Tests;

/// <summary>The demo data of <see cref="LakeFsActionsEmulator.StartDemoAsync"/> has what samples and manual tries need.</summary>
public sealed class DemoDataTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 12, 0, 0, TimeSpan.Zero);
    private const string Demo = "api/v1/repositories/demo-repo";

    [Fact]
    public async Task Demo_has_demo_repo_and_a_second_repository()
    {
        await using var lakeFs = await LakeFsActionsEmulator.StartDemoAsync(new LakeFsEmulatorOptions { TimeProvider = new FakeTimeProvider(Now) });
        using var http = lakeFs.CreateHttpClient();

        var repositories = await Api.GetJsonAsync(http, "api/v1/repositories");
        var demo = await Api.GetJsonAsync(http, Demo);

        Assert.Equal(["analytics", "demo-repo"], repositories.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(LakeFsActionsEmulator.DemoRepository, demo.GetProperty("id").GetString());
        Assert.Equal("main", demo.GetProperty("default_branch").GetString());
        Assert.True(demo.GetProperty("creation_date").GetInt64() < Now.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task Demo_runs_span_several_branches_events_and_outcomes_newest_first_relative_to_the_clock()
    {
        await using var lakeFs = await LakeFsActionsEmulator.StartDemoAsync(new LakeFsEmulatorOptions { TimeProvider = new FakeTimeProvider(Now) });
        using var http = lakeFs.CreateHttpClient();

        var runs = await ListRunsAsync(http);

        Assert.True(runs.Count >= 10, $"only {runs.Count} runs");
        Assert.Superset(new HashSet<string> { "main", "dev", "feature-x" }, Distinct(runs, "branch"));
        Assert.Superset(new HashSet<string> { "pre-commit", "post-commit", "pre-merge", "post-merge" }, Distinct(runs, "event_type"));
        Assert.Equal(new HashSet<string> { "completed", "failed" }, Distinct(runs, "status"));
        var starts = runs.Select(r => DateTimeOffset.Parse(r.GetProperty("start_time").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(starts.OrderDescending(), starts);
        Assert.All(starts, start => Assert.True(start < Now));
        Assert.True(starts[0] > Now - TimeSpan.FromDays(1));
    }

    [Fact]
    public async Task Demo_has_a_failed_run_with_a_skipped_hook_whose_output_is_empty()
    {
        await using var lakeFs = await LakeFsActionsEmulator.StartDemoAsync();
        using var http = lakeFs.CreateHttpClient();

        var found = false;
        foreach (var run in await ListRunsAsync(http))
        {
            var runId = run.GetProperty("run_id").GetString();
            var hooks = (await Api.GetJsonAsync(http, $"{Demo}/actions/runs/{runId}/hooks")).GetProperty("results").EnumerateArray().ToList();
            var skipped = hooks.FirstOrDefault(h => h.GetProperty("status").GetString() == "skipped");
            if (skipped.ValueKind == JsonValueKind.Undefined)
            {
                continue;
            }

            found = true;
            Assert.Equal("failed", run.GetProperty("status").GetString());
            Assert.Contains(hooks, h => h.GetProperty("status").GetString() == "failed");
            Assert.Equal("0001-01-01T00:00:00Z", skipped.GetProperty("start_time").GetString());
            Assert.False(skipped.TryGetProperty("end_time", out _));
            using var output = await http.GetAsync($"{Demo}/actions/runs/{runId}/hooks/{skipped.GetProperty("hook_run_id").GetString()}/output");
            Assert.Empty(await output.Content.ReadAsByteArrayAsync());
        }

        Assert.True(found, "no run of the demo has a skipped hook");
    }

    [Fact]
    public async Task Every_hook_that_ran_in_the_demo_has_a_multi_line_log_and_failed_ones_say_why()
    {
        await using var lakeFs = await LakeFsActionsEmulator.StartDemoAsync();
        using var http = lakeFs.CreateHttpClient();

        var failedLogs = new List<string>();
        foreach (var run in await ListRunsAsync(http))
        {
            var runId = run.GetProperty("run_id").GetString();
            var hooks = (await Api.GetJsonAsync(http, $"{Demo}/actions/runs/{runId}/hooks")).GetProperty("results").EnumerateArray();
            foreach (var hook in hooks.Where(h => h.GetProperty("status").GetString() != "skipped"))
            {
                var log = await http.GetStringAsync($"{Demo}/actions/runs/{runId}/hooks/{hook.GetProperty("hook_run_id").GetString()}/output");
                Assert.False(string.IsNullOrWhiteSpace(log), $"run {runId} hook {hook.GetRawText()} has an empty log");
                if (hook.GetProperty("status").GetString() == "failed")
                {
                    failedLogs.Add(log);
                }
            }
        }

        Assert.NotEmpty(failedLogs);
        Assert.Contains(failedLogs, log => log.Count(c => c == '\n') > 1);
        Assert.All(failedLogs, log => Assert.Matches("(?i)error|fail|not allowed|exit status", log));
    }

    [Fact]
    public async Task Seeding_the_demo_twice_is_refused()
    {
        await using var lakeFs = await LakeFsActionsEmulator.StartDemoAsync();

        Assert.Throws<InvalidOperationException>(lakeFs.SeedDemo);
    }

    private static async Task<List<JsonElement>> ListRunsAsync(HttpClient http)
    {
        var json = await Api.GetJsonAsync(http, $"{Demo}/actions/runs?amount=1000");
        Assert.False(json.GetProperty("pagination").GetProperty("has_more").GetBoolean());
        return [.. json.GetProperty("results").EnumerateArray()];
    }

    private static HashSet<string> Distinct(IEnumerable<JsonElement> runs, string property) =>
        [.. runs.Select(r => r.GetProperty(property).GetString()!)];
}
