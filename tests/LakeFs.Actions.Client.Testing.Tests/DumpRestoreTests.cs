using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;

namespace LakeFs.Actions.Client.Testing.Tests;

/// <summary>dumpSubmit, dumpStatus, restoreSubmit, restoreStatus: tasks on the emulator's clock, 404s, purge after 24 hours, restore rules.</summary>
public sealed partial class DumpRestoreTests
{
    private const string Source = "api/v1/repositories/" + Api.Repo;
    private const string Target = "api/v1/repositories/copy";
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_dump_is_accepted_with_a_task_id_and_progresses_on_the_emulator_clock()
    {
        var clock = new FakeTimeProvider();
        await using var lakeFs = await StartAsync(clock);
        using var http = lakeFs.CreateHttpClient();
        var submitted = clock.GetUtcNow();

        var accepted = (await Api.SendAsync(http, HttpMethod.Post, Source + "/dump")).Expect(HttpStatusCode.Accepted);
        var id = accepted.Json.GetProperty("id").GetString()!;
        var started = await StatusAsync(http, Source + "/dump", id);
        clock.Advance(Duration / 3);
        var firstStep = await StatusAsync(http, Source + "/dump", id);
        clock.Advance(Duration);
        var done = await StatusAsync(http, Source + "/dump", id);

        Assert.Matches(DumpId(), id);
        Assert.True(accepted.HasRequestId);
        Assert.Equal(id, started.GetProperty("id").GetString());
        Assert.False(started.GetProperty("done").GetBoolean());
        Assert.Equal(submitted, started.GetProperty("update_time").GetDateTimeOffset());
        Assert.False(started.TryGetProperty("refs", out _));
        Assert.False(started.TryGetProperty("error", out _));
        Assert.False(firstStep.GetProperty("done").GetBoolean());
        Assert.Equal(submitted + (Duration / 3), firstStep.GetProperty("update_time").GetDateTimeOffset());
        Assert.False(firstStep.TryGetProperty("refs", out _));
        Assert.True(done.GetProperty("done").GetBoolean());
        Assert.Equal(submitted + Duration, done.GetProperty("update_time").GetDateTimeOffset());
        Assert.False(done.TryGetProperty("error", out _));
        var refs = done.GetProperty("refs");
        foreach (var name in new[] { "commits_meta_range_id", "branches_meta_range_id", "tags_meta_range_id" })
        {
            Assert.Matches("^[0-9a-f]{64}$", refs.GetProperty(name).GetString());
        }
    }

    [Fact]
    public async Task A_task_finishes_on_elapsed_time_even_when_the_clock_holds_its_now_like_the_demo_clock()
    {
        var clock = new HeldNowClock();
        await using var lakeFs = await StartAsync(clock);
        using var http = lakeFs.CreateHttpClient();
        var held = clock.GetUtcNow();

        var id = (await Api.SendAsync(http, HttpMethod.Post, Source + "/dump")).Expect(HttpStatusCode.Accepted).Json.GetProperty("id").GetString()!;
        var started = await StatusAsync(http, Source + "/dump", id);
        clock.Advance(Duration);
        var done = await StatusAsync(http, Source + "/dump", id);

        Assert.Equal(held, clock.GetUtcNow());
        Assert.False(started.GetProperty("done").GetBoolean());
        Assert.True(done.GetProperty("done").GetBoolean());
        Assert.Equal(held + Duration, done.GetProperty("update_time").GetDateTimeOffset());
    }

    [Fact]
    public async Task Unknown_ids_ids_of_the_other_kind_and_ids_of_another_repository_are_404_not_found()
    {
        await using var lakeFs = await StartAsync(new FakeTimeProvider());
        lakeFs.AddRepository("other");
        using var http = lakeFs.CreateHttpClient();
        var id = (await Api.SendAsync(http, HttpMethod.Post, Source + "/dump")).Expect(HttpStatusCode.Accepted).Json.GetProperty("id").GetString()!;

        Assert.Equal("not found", await Api.GetErrorAsync(http, $"{Source}/restore?task_id={id}", HttpStatusCode.NotFound));
        Assert.Equal("not found", await Api.GetErrorAsync(http, $"{Source}/dump?task_id=RR{id[2..]}", HttpStatusCode.NotFound));
        Assert.Equal("not found", await Api.GetErrorAsync(http, $"{Source}/dump?task_id=DR{new string('a', 20)}", HttpStatusCode.NotFound));
        Assert.Equal("not found", await Api.GetErrorAsync(http, $"{Source}/dump?task_id={id}x", HttpStatusCode.NotFound));
        Assert.Equal("not found", await Api.GetErrorAsync(http, $"api/v1/repositories/other/dump?task_id={id}", HttpStatusCode.NotFound));
        Assert.Equal("repository not found", await Api.GetErrorAsync(http, $"api/v1/repositories/nope/dump?task_id={id}", HttpStatusCode.NotFound));
        Assert.Equal("repository not found", (await Api.SendAsync(http, HttpMethod.Post, "api/v1/repositories/nope/dump")).Expect(HttpStatusCode.NotFound).Message);
        var missing = (await Api.SendAsync(http, HttpMethod.Get, Source + "/dump")).Expect(HttpStatusCode.BadRequest);
        Assert.False(missing.HasRequestId);
        Assert.Contains("task_id", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_task_is_purged_24_hours_after_it_ended()
    {
        var clock = new FakeTimeProvider();
        await using var lakeFs = await StartAsync(clock);
        using var http = lakeFs.CreateHttpClient();
        var id = (await Api.SendAsync(http, HttpMethod.Post, Source + "/dump")).Expect(HttpStatusCode.Accepted).Json.GetProperty("id").GetString()!;

        clock.Advance(Duration + TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        Assert.True((await StatusAsync(http, Source + "/dump", id)).GetProperty("done").GetBoolean());
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal("not found", await Api.GetErrorAsync(http, $"{Source}/dump?task_id={id}", HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task A_stalled_task_never_updates_and_is_purged_24_hours_after_its_submit()
    {
        var clock = new FakeTimeProvider();
        await using var lakeFs = await StartAsync(clock);
        lakeFs.StallNextTask(Api.Repo);
        using var http = lakeFs.CreateHttpClient();
        var submitted = clock.GetUtcNow();
        var stalled = (await Api.SendAsync(http, HttpMethod.Post, Source + "/dump")).Expect(HttpStatusCode.Accepted).Json.GetProperty("id").GetString()!;
        var healthy = (await Api.SendAsync(http, HttpMethod.Post, Source + "/dump")).Expect(HttpStatusCode.Accepted).Json.GetProperty("id").GetString()!;

        clock.Advance(TimeSpan.FromHours(1));
        var status = await StatusAsync(http, Source + "/dump", stalled);

        Assert.False(status.GetProperty("done").GetBoolean());
        Assert.Equal(submitted, status.GetProperty("update_time").GetDateTimeOffset());
        Assert.True((await StatusAsync(http, Source + "/dump", healthy)).GetProperty("done").GetBoolean());
        clock.Advance(TimeSpan.FromHours(23));
        await Api.GetErrorAsync(http, $"{Source}/dump?task_id={stalled}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_dump_restores_into_a_bare_repository_which_is_then_no_longer_bare()
    {
        var clock = new FakeTimeProvider();
        await using var lakeFs = await StartAsync(clock);
        using var http = lakeFs.CreateHttpClient();
        var refs = await DumpAsync(http, clock);
        (await Api.CreateRepositoryAsync(http, "copy", "local://copy", "?bare=true")).Expect(HttpStatusCode.Created);

        var accepted = (await Api.SendAsync(http, HttpMethod.Post, Target + "/restore", refs.GetRawText())).Expect(HttpStatusCode.Accepted);
        var id = accepted.Json.GetProperty("id").GetString()!;
        var started = await StatusAsync(http, Target + "/restore", id);
        clock.Advance(Duration);
        var done = await StatusAsync(http, Target + "/restore", id);

        Assert.Matches(RestoreId(), id);
        Assert.False(started.GetProperty("done").GetBoolean());
        Assert.True(done.GetProperty("done").GetBoolean());
        Assert.False(done.TryGetProperty("error", out _));
        Assert.False(done.TryGetProperty("refs", out _));
        var again = (await Api.SendAsync(http, HttpMethod.Post, Target + "/restore", refs.GetRawText())).Expect(HttpStatusCode.BadRequest);
        Assert.Equal("can only restore into a bare repository", again.Message);
    }

    [Fact]
    public async Task Restoring_into_a_repository_that_is_not_bare_is_400()
    {
        var clock = new FakeTimeProvider();
        await using var lakeFs = await StartAsync(clock);
        using var http = lakeFs.CreateHttpClient();
        var refs = await DumpAsync(http, clock);

        var answer = (await Api.SendAsync(http, HttpMethod.Post, Source + "/restore", refs.GetRawText())).Expect(HttpStatusCode.BadRequest);

        Assert.Equal("can only restore into a bare repository", answer.Message);
        Assert.True(answer.HasRequestId);
    }

    [Fact]
    public async Task Restoring_into_a_read_only_bare_repository_ends_with_an_error_unless_forced()
    {
        var clock = new FakeTimeProvider();
        await using var lakeFs = await StartAsync(clock);
        using var http = lakeFs.CreateHttpClient();
        var refs = await DumpAsync(http, clock);
        (await Api.CreateRepositoryAsync(http, "copy", "local://copy", "?bare=true", ",\"read_only\":true")).Expect(HttpStatusCode.Created);

        var refused = (await Api.SendAsync(http, HttpMethod.Post, Target + "/restore", refs.GetRawText())).Expect(HttpStatusCode.Accepted).Json.GetProperty("id").GetString()!;
        clock.Advance(Duration);
        var failed = await StatusAsync(http, Target + "/restore", refused);
        var forcedBody = refs.GetRawText().TrimEnd('}') + ",\"force\":true}";
        var forced = (await Api.SendAsync(http, HttpMethod.Post, Target + "/restore", forcedBody)).Expect(HttpStatusCode.Accepted).Json.GetProperty("id").GetString()!;
        clock.Advance(Duration);
        var succeeded = await StatusAsync(http, Target + "/restore", forced);

        Assert.True(failed.GetProperty("done").GetBoolean());
        Assert.Equal("read-only repository", failed.GetProperty("error").GetString());
        Assert.True(succeeded.GetProperty("done").GetBoolean());
        Assert.False(succeeded.TryGetProperty("error", out _));
    }

    [Fact]
    public async Task Meta_range_ids_that_no_dump_produced_end_the_task_with_an_error_and_leave_the_repository_bare()
    {
        var clock = new FakeTimeProvider();
        await using var lakeFs = await StartAsync(clock);
        using var http = lakeFs.CreateHttpClient();
        var refs = await DumpAsync(http, clock);
        (await Api.CreateRepositoryAsync(http, "copy", "local://copy", "?bare=true")).Expect(HttpStatusCode.Created);
        var unknown = "{\"commits_meta_range_id\":\"feed\",\"tags_meta_range_id\":\"beef\",\"branches_meta_range_id\":\"cafe\"}";
        var submitted = clock.GetUtcNow();

        var id = (await Api.SendAsync(http, HttpMethod.Post, Target + "/restore", unknown)).Expect(HttpStatusCode.Accepted).Json.GetProperty("id").GetString()!;
        clock.Advance(Duration);
        var status = await StatusAsync(http, Target + "/restore", id);

        Assert.True(status.GetProperty("done").GetBoolean());
        Assert.Contains("feed", status.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(submitted + (Duration / 3), status.GetProperty("update_time").GetDateTimeOffset());
        (await Api.SendAsync(http, HttpMethod.Post, Target + "/restore", refs.GetRawText())).Expect(HttpStatusCode.Accepted);
    }

    [Theory]
    [InlineData("{\"commits_meta_range_id\":\"a\",\"tags_meta_range_id\":\"b\"}", "property \"branches_meta_range_id\" is missing")]
    [InlineData("{\"commits_meta_range_id\":\"a\",\"tags_meta_range_id\":\"b\",\"branches_meta_range_id\":\"c\",\"force\":1}", "value must be a boolean")]
    public async Task A_restore_body_that_breaks_the_schema_is_a_validation_error(string body, string expected)
    {
        await using var lakeFs = await StartAsync(new FakeTimeProvider());
        using var http = lakeFs.CreateHttpClient();

        var answer = (await Api.SendAsync(http, HttpMethod.Post, Source + "/restore", body)).Expect(HttpStatusCode.BadRequest);

        Assert.False(answer.HasRequestId);
        Assert.Contains(expected, answer.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Faults_select_the_new_operations_by_their_ids()
    {
        await using var lakeFs = await StartAsync(new FakeTimeProvider());
        using var http = lakeFs.CreateHttpClient();
        lakeFs.Faults.Enqueue(EmulatorFault.Throttle(420).ForOperation(EmulatorOperations.DumpSubmit));
        lakeFs.Faults.Enqueue(EmulatorFault.ServerError().ForOperation(EmulatorOperations.SetBranchProtectionRules));

        (await Api.SendAsync(http, HttpMethod.Get, Source + "/settings/branch_protection")).Expect(HttpStatusCode.OK);
        var throttled = await Api.SendAsync(http, HttpMethod.Post, Source + "/dump");
        var failed = await Api.SendAsync(http, HttpMethod.Put, Source + "/settings/branch_protection", "[{\"pattern\":\"main\"}]");

        Assert.Equal(420, (int)throttled.Status);
        failed.Expect(HttpStatusCode.InternalServerError);
        Assert.Equal("[]", (await Api.GetJsonAsync(http, Source + "/settings/branch_protection")).GetRawText());
        Assert.Equal(1, lakeFs.RequestCount(EmulatorOperations.DumpSubmit));
        Assert.Equal(2, lakeFs.RequestCount(EmulatorOperations.GetBranchProtectionRules));
        Assert.Contains(lakeFs.ReceivedRequests, r => r.Method == "PUT" && r.Operation == EmulatorOperations.SetBranchProtectionRules);
    }

    private static async Task<LakeFsActionsEmulator> StartAsync(FakeTimeProvider clock) =>
        await Api.StartWithRepositoryAsync(new LakeFsEmulatorOptions { TimeProvider = clock, TaskDuration = Duration });

    private static async Task<JsonElement> StatusAsync(HttpClient http, string path, string id) =>
        await Api.GetJsonAsync(http, $"{path}?task_id={Uri.EscapeDataString(id)}");

    /// <summary>Dumps <see cref="Api.Repo"/> and returns the refs of the finished dump.</summary>
    private static async Task<JsonElement> DumpAsync(HttpClient http, FakeTimeProvider clock)
    {
        var id = (await Api.SendAsync(http, HttpMethod.Post, Source + "/dump")).Expect(HttpStatusCode.Accepted).Json.GetProperty("id").GetString()!;
        clock.Advance(Duration);
        return (await StatusAsync(http, Source + "/dump", id)).GetProperty("refs");
    }

    /// <summary>A fake clock whose timestamps and timers advance while its "now" stays where it started.</summary>
    private sealed class HeldNowClock : FakeTimeProvider
    {
        private readonly DateTimeOffset _now;

        public HeldNowClock() => _now = base.GetUtcNow();

        public override DateTimeOffset GetUtcNow() => _now;

        // FakeTimeProvider derives its timestamps from GetUtcNow; these follow the advancing time instead.
        public override long GetTimestamp() => base.GetUtcNow().UtcTicks;
    }

    [GeneratedRegex("^DR[A-Za-z0-9_-]{20}$")]
    private static partial Regex DumpId();

    [GeneratedRegex("^RR[A-Za-z0-9_-]{20}$")]
    private static partial Regex RestoreId();
}
