using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace LakeFs.Actions.Client.Testing.Tests;

/// <summary>How hooks run: ENV substitution, timeouts on the emulator's clock, parallel actions, if and skipped hooks, bad webhooks, Lua stand-ins, airflow.</summary>
public sealed class HookExecutionTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    private static Task<LakeFsActionsEmulator> StartAsync(FakeTimeProvider? clock = null, Func<string, string?>? env = null) =>
        Api.StartWithRepositoryAsync(new LakeFsEmulatorOptions { TimeProvider = clock ?? new FakeTimeProvider(Now), ActionsEnvironment = env });

    [Fact]
    public async Task Query_params_and_headers_take_ENV_values_with_the_prefix_and_logs_mask_them()
    {
        await using var receiver = new WebhookReceiver();
        await using var lakeFs = await StartAsync(env: name => name == "LAKEFSACTION_TOKEN" ? "s3cr3t" : null);
        const string Properties =
            "      query_params:\n" +
            "        token: \"{{ ENV.LAKEFSACTION_TOKEN }}\"\n" +
            "        plain: \"x y\"\n" +
            "        list: [\"b\", \"a\"]\n" +
            "        unprefixed: \"{{ENV.HOME}}\"\n" +
            "      headers:\n" +
            "        Authorization: \"Bearer {{ENV.LAKEFSACTION_TOKEN}}\"\n" +
            "        X-Plain: literal\n";
        lakeFs.PutActionFile(Api.Repo, "main", "a.yaml", ActionFile.Webhook("Check", receiver.Url("/hook?a=0"), "env", Properties, "pre-commit"));

        var commit = await lakeFs.CommitAsync(Api.Repo, "main", "m");

        Assert.True(commit.Succeeded, commit.ToString());
        var request = Assert.Single(receiver.Received);
        Assert.Equal("/hook?a=0&list=b&list=a&plain=x+y&token=s3cr3t&unprefixed=", request.Target);
        Assert.Equal(["Bearer s3cr3t"], request.Header("Authorization"));
        Assert.Equal(["literal"], request.Header("X-Plain"));
        using var http = lakeFs.CreateHttpClient();
        var log = await http.GetStringAsync($"api/v1/repositories/repo/actions/runs/{commit.PreRunIds[1]}/hooks/0000_0000/output");
        Assert.Contains("token: *******\n", log);
        Assert.Contains("unprefixed: *******\n", log);
        Assert.Contains("plain: x y\n", log);
        Assert.Contains("Authorization: *******\n", log);
        Assert.Contains("X-Plain: literal\n", log);
        Assert.DoesNotContain("s3cr3t", log);
    }

    [Fact]
    public async Task ENV_values_come_from_the_process_environment_too()
    {
        const string Name = "LAKEFSACTION_EMULATOR_TEST_FROM_PROCESS";
        Environment.SetEnvironmentVariable(Name, "from-process");
        await using var receiver = new WebhookReceiver();
        await using var lakeFs = await StartAsync();
        lakeFs.PutActionFile(Api.Repo, "main", "a.yaml", ActionFile.Webhook("Check", receiver.Url(), "env", $"      headers:\n        X-Value: \"v={{{{ ENV.{Name} }}}}\"\n", "pre-commit"));

        await lakeFs.CommitAsync(Api.Repo, "main", "m");

        Assert.Equal(["v=from-process"], Assert.Single(receiver.Received).Header("X-Value"));
    }

    [Fact]
    public async Task A_missing_prefixed_ENV_variable_refuses_with_500_and_records_no_run()
    {
        await using var receiver = new WebhookReceiver();
        await using var lakeFs = await StartAsync();
        lakeFs.PutActionFile(Api.Repo, "main", "a.yaml", ActionFile.Webhook("Check", receiver.Url(), "env", "      headers:\n        X-Token: \"{{ ENV.LAKEFSACTION_NOT_SET_ANYWHERE }}\"\n", "pre-commit"));

        var commit = await lakeFs.CommitAsync(Api.Repo, "main", "m");

        Assert.Equal(500, commit.StatusCode);
        Assert.Equal($"pre-commit hook aborted, run id '{commit.PreRunIds[1]}': extracting headers: reading header: LAKEFSACTION_NOT_SET_ANYWHERE not found: missing env var", commit.Message);
        Assert.Empty(receiver.Received);
        Assert.Equal(0, lakeFs.RunCount(Api.Repo));
    }

    [Fact]
    public async Task A_hook_that_hangs_fails_when_its_timeout_passes_on_the_emulator_clock()
    {
        var clock = new FakeTimeProvider(Now);
        var never = new TaskCompletionSource();
        await using var receiver = new WebhookReceiver(_ => WebhookReply.After(never.Task));
        await using var lakeFs = await StartAsync(clock);
        lakeFs.PutActionFile(Api.Repo, "main", "a.yaml", ActionFile.Webhook("Check", receiver.Url("/slow"), "slow", "      timeout: 30s\n", "pre-commit"));
        var head = lakeFs.GetBranchHead(Api.Repo, "main");

        var commit = lakeFs.CommitAsync(Api.Repo, "main", "m");
        await receiver.NextAsync();
        clock.Advance(TimeSpan.FromSeconds(30));
        var result = await commit.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(412, result.StatusCode);
        Assert.Equal(
            $"pre-commit hook aborted, run id '{result.PreRunIds[1]}': 1 error occurred:\n\t* hook run id '0000_0000' failed on action 'Check' hook 'slow': action failed: Post \"{receiver.Url("/slow")}\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)\n\n",
            result.Message);
        Assert.Equal(head, lakeFs.GetBranchHead(Api.Repo, "main"));
    }

    [Fact]
    public async Task The_default_timeout_is_one_minute()
    {
        var clock = new FakeTimeProvider(Now);
        var release = new TaskCompletionSource();
        await using var receiver = new WebhookReceiver(_ => WebhookReply.After(release.Task));
        await using var lakeFs = await StartAsync(clock);
        lakeFs.PutActionFile(Api.Repo, "main", "a.yaml", ActionFile.Webhook("Check", receiver.Url(), events: "pre-commit"));

        var first = lakeFs.CommitAsync(Api.Repo, "main", "first", allowEmpty: true);
        await receiver.NextAsync();
        clock.Advance(TimeSpan.FromSeconds(59));
        release.SetResult();
        var answered = await first.WaitAsync(TimeSpan.FromSeconds(30));

        var never = new TaskCompletionSource();
        receiver.Reply = _ => WebhookReply.After(never.Task);
        var second = lakeFs.CommitAsync(Api.Repo, "main", "second", allowEmpty: true);
        await receiver.NextAsync();
        clock.Advance(TimeSpan.FromMinutes(1));
        var timedOut = await second.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(answered.Succeeded, answered.ToString());
        Assert.Equal(412, timedOut.StatusCode);
        Assert.Contains("context deadline exceeded (Client.Timeout exceeded while awaiting headers)", timedOut.Message);
    }

    [Fact]
    public async Task A_webhook_that_answers_garbage_fails_the_hook()
    {
        await using var receiver = new WebhookReceiver(_ => WebhookReply.Garbage("this is not http\r\n\r\n"));
        await using var lakeFs = await StartAsync();
        lakeFs.PutActionFile(Api.Repo, "main", "a.yaml", ActionFile.Webhook("Check", receiver.Url(), events: "pre-commit"));

        var commit = await lakeFs.CommitAsync(Api.Repo, "main", "m", allowEmpty: true);

        Assert.Equal(412, commit.StatusCode);
        Assert.StartsWith($"pre-commit hook aborted, run id '{commit.PreRunIds[1]}': 1 error occurred:\n\t* hook run id '0000_0000' failed on action 'Check' hook 'hook': action failed: Post \"{receiver.Url()}\": ", commit.Message);
        Assert.Contains("malformed HTTP response", commit.Message);
    }

    [Fact]
    public async Task A_webhook_nobody_listens_on_fails_with_connection_refused()
    {
        var port = FreePort();
        await using var lakeFs = await StartAsync();
        lakeFs.PutActionFile(Api.Repo, "main", "a.yaml", ActionFile.Webhook("Check", $"http://127.0.0.1:{port}/x", events: "pre-commit"));

        var commit = await lakeFs.CommitAsync(Api.Repo, "main", "m", allowEmpty: true);

        Assert.Equal(412, commit.StatusCode);
        Assert.EndsWith($"action failed: Post \"http://127.0.0.1:{port}/x\": dial tcp 127.0.0.1:{port}: connect: connection refused\n\n", commit.Message);
    }

    [Fact]
    public async Task Any_2xx_passes_and_other_statuses_fail_without_reading_the_body()
    {
        await using var receiver = new WebhookReceiver(r => r.Target == "/ok" ? WebhookReply.Status(204) : WebhookReply.Status(302, "{\"ok\":true}"));
        await using var lakeFs = await StartAsync();
        lakeFs.PutActionFile(Api.Repo, "main", "a.yaml", ActionFile.Webhook("Alpha", receiver.Url("/ok"), events: "pre-commit"));
        lakeFs.PutActionFile(Api.Repo, "main", "b.yaml", ActionFile.Webhook("Beta", receiver.Url("/redirect-without-location"), events: "pre-commit"));

        var commit = await lakeFs.CommitAsync(Api.Repo, "main", "m");

        Assert.Equal(412, commit.StatusCode);
        Assert.Equal($"pre-commit hook aborted, run id '{commit.PreRunIds[1]}': 1 error occurred:\n\t* hook run id '0001_0000' failed on action 'Beta' hook 'hook': action failed: webhook request failed (status code: 302)\n\n", commit.Message);
    }

    [Fact]
    public async Task Matched_actions_run_in_parallel()
    {
        var both = new TaskCompletionSource();
        var arrived = 0;
        await using var receiver = new WebhookReceiver(_ =>
        {
            if (Interlocked.Increment(ref arrived) == 2)
            {
                both.SetResult();
            }

            // Each answers only when both are in flight: run one after the other, they would never finish.
            return WebhookReply.After(both.Task);
        });
        await using var lakeFs = await StartAsync();
        lakeFs.PutActionFile(Api.Repo, "main", "a.yaml", ActionFile.Webhook("Alpha", receiver.Url("/a"), events: "pre-commit"));
        lakeFs.PutActionFile(Api.Repo, "main", "b.yaml", ActionFile.Webhook("Beta", receiver.Url("/b"), events: "pre-commit"));

        var commit = await lakeFs.CommitAsync(Api.Repo, "main", "m").WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(commit.Succeeded, commit.ToString());
        Assert.Equal(["/a", "/b"], receiver.Received.Select(static r => r.Target).Order());
    }

    [Fact]
    public async Task After_a_failure_hooks_are_skipped_unless_their_if_says_failure_or_true()
    {
        await using var receiver = new WebhookReceiver(r => r.Target == "/fail" ? WebhookReply.Status(500, "no") : WebhookReply.Status(200, "ok"));
        await using var lakeFs = await StartAsync();
        var yaml = "name: Checks\non:\n  pre-commit:\nhooks:\n" +
            ActionFile.Hook("first", receiver.Url("/fail")) +
            ActionFile.Hook("second", receiver.Url("/second")) +
            ActionFile.Hook("cleanup", receiver.Url("/cleanup"), "failure()") +
            ActionFile.Hook("always", receiver.Url("/always"), "true") +
            ActionFile.Hook("explicit", receiver.Url("/explicit"), "success()");
        lakeFs.PutActionFile(Api.Repo, "main", "a.yaml", yaml);
        using var http = lakeFs.CreateHttpClient();

        var commit = await lakeFs.CommitAsync(Api.Repo, "main", "m");

        Assert.Equal(412, commit.StatusCode);
        Assert.Equal(["/fail", "/cleanup", "/always"], receiver.Received.Select(static r => r.Target));
        var hooks = await Api.GetJsonAsync(http, $"api/v1/repositories/repo/actions/runs/{commit.PreRunIds[1]}/hooks");
        Assert.Equal(
            ["0000_0000:first:failed", "0000_0001:second:skipped", "0000_0002:cleanup:completed", "0000_0003:always:completed", "0000_0004:explicit:skipped"],
            hooks.GetProperty("results").EnumerateArray().Select(h => $"{h.GetProperty("hook_run_id").GetString()}:{h.GetProperty("hook_id").GetString()}:{h.GetProperty("status").GetString()}"));
        var skipped = hooks.GetProperty("results")[1];
        Assert.Equal("0001-01-01T00:00:00Z", skipped.GetProperty("start_time").GetString());
        Assert.False(skipped.TryGetProperty("end_time", out _));
        Assert.Equal(string.Empty, await http.GetStringAsync($"api/v1/repositories/repo/actions/runs/{commit.PreRunIds[1]}/hooks/0000_0001/output"));
        Assert.EndsWith("'first': action failed: webhook request failed (status code: 500)\n\n", commit.Message);
    }

    [Fact]
    public async Task An_action_without_hooks_takes_an_index_among_the_matched_actions()
    {
        await using var receiver = new WebhookReceiver();
        await using var lakeFs = await StartAsync();
        lakeFs.PutActionFile(Api.Repo, "main", "a.yaml", "name: Empty\non:\n  pre-commit:\n");
        lakeFs.PutActionFile(Api.Repo, "main", "b.yaml", ActionFile.Webhook("Other", receiver.Url(), events: "post-commit"));
        lakeFs.PutActionFile(Api.Repo, "main", "c.yaml", ActionFile.Webhook("Real", receiver.Url(), events: "pre-commit"));
        using var http = lakeFs.CreateHttpClient();

        var commit = await lakeFs.CommitAsync(Api.Repo, "main", "m");

        var hooks = await Api.GetJsonAsync(http, $"api/v1/repositories/repo/actions/runs/{commit.PreRunIds[1]}/hooks");
        Assert.Equal("0001_0000", Assert.Single(hooks.GetProperty("results").EnumerateArray()).GetProperty("hook_run_id").GetString());
    }

    [Fact]
    public async Task Branch_patterns_decide_which_actions_run()
    {
        await using var receiver = new WebhookReceiver();
        await using var lakeFs = await StartAsync();
        lakeFs.PutActionFile(Api.Repo, "main", "a.yaml", $"name: OnlyDev\non:\n  pre-create-branch:\n    branches: [\"dev-*\"]\nhooks:\n{ActionFile.Hook("notify", receiver.Url())}");
        var commit = await lakeFs.CommitAsync(Api.Repo, "main", "actions");

        var feature = await lakeFs.CreateBranchAsync(Api.Repo, "feature", "main");
        var dev = await lakeFs.CreateBranchAsync(Api.Repo, "dev-1", "main");

        Assert.True(commit.Succeeded && feature.Succeeded && dev.Succeeded, $"{commit} {feature} {dev}");
        Assert.Equal("dev-1", System.Text.Json.JsonDocument.Parse(Assert.Single(receiver.Received).Body).RootElement.GetProperty("branch_id").GetString());
    }

    [Fact]
    public async Task A_lua_hook_runs_its_registered_stand_in_which_can_print_and_fail()
    {
        await using var lakeFs = await StartAsync();
        EmulatedLuaHookContext? seen = null;
        lakeFs.RegisterLuaHook("lua_check", (context, _) =>
        {
            seen = context;
            context.Print("checking " + context.EventType);
            throw new InvalidOperationException("schema mismatch");
        });
        lakeFs.PutActionFile(Api.Repo, "main", "a.yaml", "name: Lua\non:\n  pre-commit:\nhooks:\n  - id: lua_check\n    type: lua\n    properties:\n      script: \"error('x')\"\n      args:\n        limit: 3\n");
        using var http = lakeFs.CreateHttpClient();

        var commit = await lakeFs.CommitAsync(Api.Repo, "main", "m");

        Assert.Equal(412, commit.StatusCode);
        Assert.EndsWith("hook 'lua_check': action failed: schema mismatch\n\n", commit.Message);
        Assert.Equal(3L, seen!.Args["limit"]);
        Assert.Contains("\"event_type\":\"pre-commit\"", seen.Payload);
        var log = await http.GetStringAsync($"api/v1/repositories/repo/actions/runs/{commit.PreRunIds[1]}/hooks/0000_0000/output");
        Assert.Equal("checking pre-commit\nError: action failed: schema mismatch\n", log);
    }

    [Fact]
    public async Task A_lua_hook_without_a_stand_in_fails_saying_the_emulator_does_not_run_lua()
    {
        await using var lakeFs = await StartAsync();
        lakeFs.PutActionFile(Api.Repo, "main", "a.yaml", "name: Lua\non:\n  pre-commit:\nhooks:\n  - id: lua_check\n    type: lua\n    properties:\n      script: \"print(1)\"\n");
        using var http = lakeFs.CreateHttpClient();

        var commit = await lakeFs.CommitAsync(Api.Repo, "main", "m");

        Assert.Equal(412, commit.StatusCode);
        var log = await http.GetStringAsync($"api/v1/repositories/repo/actions/runs/{commit.PreRunIds[1]}/hooks/0000_0000/output");
        Assert.Contains("does not run Lua", log);
        Assert.Contains("RegisterLuaHook", log);
    }

    [Fact]
    public async Task An_airflow_hook_triggers_a_dag_run_with_basic_auth_and_the_event_in_conf()
    {
        await using var receiver = new WebhookReceiver();
        await using var lakeFs = await StartAsync(env: name => name == "LAKEFSACTION_AIRFLOW_PASSWORD" ? "pw" : null);
        lakeFs.PutActionFile(Api.Repo, "main", "a.yaml",
            "name: Airflow\non:\n  pre-commit:\nhooks:\n  - id: trigger\n    type: airflow\n    properties:\n" +
            $"      url: \"http://127.0.0.1:{receiver.Port}\"\n      dag_id: my_dag\n      username: user\n      password: \"{{{{ ENV.LAKEFSACTION_AIRFLOW_PASSWORD }}}}\"\n      dag_conf:\n        k: v\n");
        using var http = lakeFs.CreateHttpClient();

        var commit = await lakeFs.CommitAsync(Api.Repo, "main", "m");

        Assert.True(commit.Succeeded, commit.ToString());
        var request = Assert.Single(receiver.Received);
        Assert.Equal("/api/v1/dags/my_dag/dagRuns", request.Target);
        Assert.Equal(["Basic " + Convert.ToBase64String("user:pw"u8.ToArray())], request.Header("Authorization"));
        using var body = System.Text.Json.JsonDocument.Parse(request.Body);
        Assert.Equal($"lakeFS_hook_trigger_{commit.PreRunIds[1]}", body.RootElement.GetProperty("dag_run_id").GetString());
        Assert.Equal("v", body.RootElement.GetProperty("conf").GetProperty("k").GetString());
        Assert.Equal("pre-commit", body.RootElement.GetProperty("conf").GetProperty("lakeFS_event").GetProperty("event_type").GetString());
        var log = await http.GetStringAsync($"api/v1/repositories/repo/actions/runs/{commit.PreRunIds[1]}/hooks/0000_0000/output");
        Assert.StartsWith($"Request:\nPOST http://127.0.0.1:{receiver.Port}/api/v1/dags/my_dag/dagRuns\nUsername: user, Password: *******\nBody: {{", log);
    }

    [Fact]
    public async Task An_airflow_hook_needs_exactly_200()
    {
        await using var receiver = new WebhookReceiver(_ => WebhookReply.Status(201, "{}"));
        await using var lakeFs = await StartAsync();
        lakeFs.PutActionFile(Api.Repo, "main", "a.yaml",
            "name: Airflow\non:\n  pre-commit:\nhooks:\n  - id: trigger\n    type: airflow\n    properties:\n" +
            $"      url: \"http://127.0.0.1:{receiver.Port}\"\n      dag_id: d\n      username: u\n      password: p\n");

        var commit = await lakeFs.CommitAsync(Api.Repo, "main", "m");

        Assert.Equal(412, commit.StatusCode);
        Assert.EndsWith("action failed: status code (201): airflow hook request failed\n\n", commit.Message);
    }

    [Fact]
    public async Task An_airflow_hook_with_wait_for_dag_polls_every_5_seconds_of_emulator_time_until_the_dag_ends()
    {
        var clock = new TimerWatchingClock(Now);
        var polls = 0;
        await using var receiver = new WebhookReceiver(r => r.Method == "POST"
            ? WebhookReply.Status(200, "{}")
            : WebhookReply.Status(200, Interlocked.Increment(ref polls) == 1 ? "{\"state\":\"running\"}" : "{\"state\":\"failed\"}"));
        await using var lakeFs = await StartAsync(clock);
        lakeFs.PutActionFile(Api.Repo, "main", "a.yaml",
            "name: Airflow\non:\n  pre-commit:\nhooks:\n  - id: trigger\n    type: airflow\n    properties:\n" +
            $"      url: \"http://127.0.0.1:{receiver.Port}\"\n      dag_id: d\n      username: u\n      password: p\n      wait_for_dag: true\n");
        using var http = lakeFs.CreateHttpClient();

        var commit = lakeFs.CommitAsync(Api.Repo, "main", "m");
        await clock.WaitForTimersAsync(2); // the trigger's request timeout, then the first 5 s wait
        clock.Advance(TimeSpan.FromSeconds(5));
        await clock.WaitForTimersAsync(4); // the poll's request timeout, then the second wait
        clock.Advance(TimeSpan.FromSeconds(5));
        var result = await commit.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(412, result.StatusCode);
        Assert.EndsWith("action failed: airflow hook DAG failed\n\n", result.Message);
        var runId = result.PreRunIds[1];
        Assert.Equal(["/api/v1/dags/d/dagRuns", $"/api/v1/dags/d/dagRuns/lakeFS_hook_trigger_{runId}", $"/api/v1/dags/d/dagRuns/lakeFS_hook_trigger_{runId}"], receiver.Received.Select(r => r.Target));
        var log = await http.GetStringAsync($"api/v1/repositories/repo/actions/runs/{runId}/hooks/0000_0000/output");
        var poll = $"http://127.0.0.1:{receiver.Port}/api/v1/dags/d/dagRuns/lakeFS_hook_trigger_{runId}";

        // lakeFS's log: the trigger's body and a blank line, then per poll its request, duration, response dump and state.
        Assert.Contains("\nBody: {\"dag_run_id\":\"lakeFS_hook_trigger_" + runId + "\",\"conf\":{\"lakeFS_event\":{\"event_type\":\"pre-commit\"", log);
        Assert.Contains("}}\n\n\nRequest duration: ", log);
        Assert.Contains("\r\n\r\n{}\nWaiting for DAG to complete...\nRequest:\nGET " + poll + "\n\nRequest duration: ", log);
        Assert.Contains("{\"state\":\"running\"}\nDAG completed with state: running\nRequest:\nGET " + poll + "\n", log);
        Assert.EndsWith("{\"state\":\"failed\"}\nDAG completed with state: failed\nError: action failed: airflow hook DAG failed\n", log);
        Assert.StartsWith("{\"dag_run_id\":", receiver.Received[0].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_2xx_whose_body_breaks_off_passes_and_logs_that_the_response_could_not_be_dumped()
    {
        await using var receiver = new WebhookReceiver(_ => WebhookReply.Garbage("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort"));
        await using var lakeFs = await StartAsync();
        lakeFs.PutActionFile(Api.Repo, "main", "a.yaml", ActionFile.Webhook("Check", receiver.Url(), events: "pre-commit"));
        using var http = lakeFs.CreateHttpClient();

        var commit = await lakeFs.CommitAsync(Api.Repo, "main", "m", allowEmpty: true);

        // lakeFS decides by the status code; a body it cannot read only shows in the log.
        Assert.True(commit.Succeeded, commit.ToString());
        var log = await http.GetStringAsync($"api/v1/repositories/repo/actions/runs/{commit.PreRunIds[1]}/hooks/0000_0000/output");
        Assert.EndsWith("\nResponse:\nFailed dumping response: unexpected EOF", log);
    }

    [Fact]
    public async Task An_empty_url_fails_the_hook_at_run_time_with_a_412()
    {
        await using var lakeFs = await StartAsync();
        lakeFs.PutActionFile(Api.Repo, "main", "a.yaml", ActionFile.Webhook("Check", string.Empty, events: "pre-commit"));
        using var http = lakeFs.CreateHttpClient();

        var commit = await lakeFs.CommitAsync(Api.Repo, "main", "m", allowEmpty: true);

        Assert.Equal(412, commit.StatusCode);
        Assert.EndsWith("action failed: Post \"\": unsupported protocol scheme \"\"\n\n", commit.Message);
        var log = await http.GetStringAsync($"api/v1/repositories/repo/actions/runs/{commit.PreRunIds[1]}/hooks/0000_0000/output");
        // Go builds the request (an empty URL parses) and its client refuses the scheme: the whole request is logged.
        Assert.StartsWith("Request:\nPOST \nQuery Params:\nHeaders:\nContent-Type: application/json\nRequest Body:\n{\"event_type\":\"pre-commit\"", log);
        Assert.EndsWith("}\n\n\nRequest duration: 0s\nError: action failed: Post \"\": unsupported protocol scheme \"\"\n", log);
    }

    [Fact]
    public async Task A_user_content_type_header_is_replaced_in_the_log_and_on_the_wire()
    {
        await using var receiver = new WebhookReceiver();
        await using var lakeFs = await StartAsync();
        lakeFs.PutActionFile(Api.Repo, "main", "a.yaml", ActionFile.Webhook("Check", receiver.Url(), "hook", "      headers:\n        Content-Type: text/plain\n        X-Team: data\n", "pre-commit"));
        using var http = lakeFs.CreateHttpClient();

        var commit = await lakeFs.CommitAsync(Api.Repo, "main", "m", allowEmpty: true);

        Assert.True(commit.Succeeded, commit.ToString());
        var log = await http.GetStringAsync($"api/v1/repositories/repo/actions/runs/{commit.PreRunIds[1]}/hooks/0000_0000/output");
        Assert.Contains("Headers:\nContent-Type: application/json\nX-Team: data\nRequest Body:\n", log);
        Assert.Equal(["application/json"], Assert.Single(receiver.Received).Headers.Where(h => h.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Select(h => h.Value));
    }

    [Fact]
    public async Task The_url_query_is_always_re_encoded_with_sorted_keys_and_the_scheme_is_checked_when_sending()
    {
        await using var receiver = new WebhookReceiver();
        await using var lakeFs = await StartAsync();
        lakeFs.PutActionFile(Api.Repo, "main", "a.yaml", ActionFile.Webhook("Check", receiver.Url("/hook?b=2&a=x+y&bad=%zz"), events: "pre-commit"));
        lakeFs.PutActionFile(Api.Repo, "main", "b.yaml", ActionFile.Webhook("Other", "FTP://h/x?b=1", events: "pre-create-branch"));

        var commit = await lakeFs.CommitAsync(Api.Repo, "main", "m", allowEmpty: true);
        var branch = await lakeFs.CreateBranchAsync(Api.Repo, "dev", "main");

        Assert.True(commit.Succeeded, commit.ToString());
        Assert.Equal("/hook?a=x+y&b=2", Assert.Single(receiver.Received).Target);
        Assert.Equal(412, branch.StatusCode);
        Assert.EndsWith("action failed: Post \"ftp://h/x?b=1\": unsupported protocol scheme \"ftp\"\n\n", branch.Message);
    }

    [Fact]
    public async Task Operations_on_a_missing_repository_or_branch_answer_404_and_puts_name_the_argument()
    {
        await using var lakeFs = await StartAsync();

        var commit = await lakeFs.CommitAsync("nope", "main", "m");
        var branchCommit = await lakeFs.CommitAsync(Api.Repo, "nope", "m");
        var error = Assert.Throws<ArgumentException>(() => lakeFs.PutObject(Api.Repo, "nope", "a", "x"));

        Assert.Equal((404, "repository not found"), (commit.StatusCode, commit.Message));
        Assert.Equal(404, branchCommit.StatusCode);
        Assert.Matches(@"^prepare-commit hook aborted, run id '[0-9a-v]{20}': list actions from commit: listing actions: not found$", branchCommit.Message);
        Assert.Equal("branch", error.ParamName);
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
