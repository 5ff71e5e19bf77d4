using System.Text.Json;
using LakeFs.Actions.Cli.Tests.Infrastructure;

namespace LakeFs.Actions.Cli.Tests;

public sealed class ExplainCommandTests : IAsyncLifetime, IDisposable
{
    private const string BrokenFile = "prepare-commit hook aborted, run id 'cu0b3f9k2q1s7ae5v0lg': 1 error occurred:\n\t* parsing file _lakefs_actions/owner.yaml: yaml: line 8: mapping values are not allowed in this context\n\n";
    private readonly InProcessCli _cli = new();
    private SeededEmulator _lakeFs = null!;

    public async Task InitializeAsync() => _lakeFs = await SeededEmulator.StartAsync();

    public async Task DisposeAsync() => await _lakeFs.DisposeAsync();

    public void Dispose() => _cli.Dispose();

    private string Refusal => $"pre-commit hook aborted, run id '{_lakeFs.FailedRun}': 1 error occurred:\n\t* hook run id '0000_0000' failed on action 'checks' hook 'schema': action failed: webhook request failed (status code: 412)\n\n";

    [Fact]
    public async Task A_412_message_prints_the_refusal_the_run_and_the_failed_hooks_log()
    {
        var result = await _cli.RunAsync(InProcessCli.Against(_lakeFs.Emulator, "explain", SeededEmulator.Repository, Refusal));

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.StdoutLines;
        Assert.Equal("Refused:  pre-commit (HTTP 412: a hook ran and failed; the run is recorded)", lines[0]);
        Assert.Equal($"Run:      {_lakeFs.FailedRun} (failed, pre-commit on dev, commit bbbbbbbbbbbb)", lines[1]);
        Assert.StartsWith("Summary:  pre-commit on dev was refused by its hooks (lakeFS answers 412): checks/schema: webhook request failed (status code: 412).", lines[2], StringComparison.Ordinal);
        Assert.EndsWith(
            "==> 0000_0000 checks/schema (failed) <==\nCause: webhook request failed (status code: 412)\nIts log:\ncolumn id: type changed\nError: schema check failed\n",
            result.Stdout);
        Assert.DoesNotContain("notify", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_500_message_names_the_broken_file_without_asking_for_a_run()
    {
        var result = await _cli.RunAsync(InProcessCli.Against(_lakeFs.Emulator, "explain", SeededEmulator.Repository, BrokenFile));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Refused:  prepare-commit (HTTP 500: an action file could not be loaded; no run was recorded)", result.StdoutLines);
        Assert.Contains("Run:      cu0b3f9k2q1s7ae5v0lg: No run was recorded: lakeFS refused before any hook ran, so run id cu0b3f9k2q1s7ae5v0lg points at nothing.", result.StdoutLines);
        Assert.Contains("  _lakefs_actions/owner.yaml: yaml: line 8: mapping values are not allowed in this context", result.StdoutLines);
        Assert.Equal(0, _lakeFs.Emulator.RequestCount(LakeFs.Actions.Client.Testing.EmulatorOperations.GetRun));
    }

    [Fact]
    public async Task Json_is_one_object_with_the_refusal_the_run_and_the_hooks()
    {
        var result = await _cli.RunAsync(InProcessCli.Against(_lakeFs.Emulator, "explain", SeededEmulator.Repository, Refusal, "-o", "json"));

        Assert.True(result.ExitCode == 0, result.ToString());
        var document = Assert.Single(result.JsonLines);
        Assert.Equal(_lakeFs.FailedRun, document.GetProperty("run_id").GetString());
        Assert.Equal("failed", document.GetProperty("run").GetProperty("status").GetString());
        Assert.Equal("HooksFailed", document.GetProperty("refusal").GetProperty("kind").GetString());
        Assert.Equal(412, document.GetProperty("refusal").GetProperty("expected_status_code").GetInt32());
        var hook = Assert.Single(document.GetProperty("failed_hooks").EnumerateArray());
        Assert.Equal("0000_0000", hook.GetProperty("hook_run_id").GetString());
        Assert.Equal("webhook request failed (status code: 412)", hook.GetProperty("cause").GetString());
        Assert.Equal(["column id: type changed", "Error: schema check failed"], hook.GetProperty("log_tail").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(0, document.GetProperty("broken_files").GetArrayLength());
    }

    [Fact]
    public async Task Json_of_a_500_lists_the_broken_files_and_no_run()
    {
        var result = await _cli.RunAsync(InProcessCli.Against(_lakeFs.Emulator, "explain", SeededEmulator.Repository, BrokenFile, "-o", "json"));

        var document = Assert.Single(result.JsonLines);
        Assert.Equal(JsonValueKind.Null, document.GetProperty("run").ValueKind);
        Assert.Equal(500, document.GetProperty("refusal").GetProperty("expected_status_code").GetInt32());
        var file = Assert.Single(document.GetProperty("broken_files").EnumerateArray());
        Assert.Equal("_lakefs_actions/owner.yaml", file.GetProperty("path").GetString());
    }

    [Fact]
    public async Task Markdown_is_a_job_summary_with_the_failed_hooks_and_their_log()
    {
        var result = await _cli.RunAsync(InProcessCli.Against(_lakeFs.Emulator, "explain", SeededEmulator.Repository, Refusal, "-o", "markdown"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("## Why pre-commit was refused in data-lake\n\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("| `0000_0000` | checks | schema | webhook request failed (status code: 412) |", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("```text\ncolumn id: type changed\nError: schema check failed\n```", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markdown_of_a_500_has_a_table_of_broken_files()
    {
        var result = await _cli.RunAsync(InProcessCli.Against(_lakeFs.Emulator, "explain", SeededEmulator.Repository, BrokenFile, "--output", "markdown"));

        Assert.Contains("### Broken action files\n\n| File | Error |\n| --- | --- |\n| `_lakefs_actions/owner.yaml` | yaml: line 8: mapping values are not allowed in this context |", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_id_explains_the_run()
    {
        var result = await _cli.RunAsync(InProcessCli.Against(_lakeFs.Emulator, "explain", SeededEmulator.Repository, _lakeFs.FailedRun));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"Summary:  Run {_lakeFs.FailedRun} (pre-commit on dev) failed: 1 of 2 hook(s) failed: checks/schema. The end of each failed hook's log says why.", result.StdoutLines);
        Assert.Contains("==> 0000_0000 checks/schema (failed) <==", result.StdoutLines);
    }

    [Fact]
    public async Task The_json_error_body_and_its_escaped_text_are_accepted_as_pasted()
    {
        var body = JsonSerializer.Serialize(new { message = Refusal });
        var escaped = body[12..^2];

        var fromBody = await _cli.RunAsync(InProcessCli.Against(_lakeFs.Emulator, "explain", SeededEmulator.Repository, body));
        var fromEscaped = await _cli.RunAsync(InProcessCli.Against(_lakeFs.Emulator, "explain", SeededEmulator.Repository, escaped));

        Assert.True(fromBody.ExitCode == 0, fromBody.ToString());
        Assert.Contains("\\n\\t* hook run id", escaped, StringComparison.Ordinal);
        Assert.Equal(fromBody.Stdout, fromEscaped.Stdout);
        Assert.Contains("==> 0000_0000 checks/schema (failed) <==", fromBody.StdoutLines);
    }

    [Fact]
    public async Task Text_that_is_neither_a_message_nor_a_run_id_is_a_usage_error_and_an_unknown_run_is_not_found()
    {
        var neither = await _cli.RunAsync(InProcessCli.Against(_lakeFs.Emulator, "explain", SeededEmulator.Repository, "path already exists"));
        var unknown = await _cli.RunAsync(InProcessCli.Against(_lakeFs.Emulator, "explain", SeededEmulator.Repository, "zzzzzzzzzzzzzzzzzzzz"));

        Assert.Equal(2, neither.ExitCode);
        Assert.StartsWith("lakefs-runs: 'path already exists' is neither a lakeFS hook abort", neither.Stderr, StringComparison.Ordinal);
        Assert.Equal(3, unknown.ExitCode);
    }

    [Theory]
    [InlineData("{\"message\":\"x\"}", "x")]
    [InlineData("{not json", "{not json")]
    [InlineData("a\\nb", "a\nb")]
    [InlineData("plain text", "plain text")]
    public void Unwrap_takes_the_message_out_of_what_was_pasted(string pasted, string expected) =>
        Assert.Equal(expected, ExplainCommand.Unwrap(pasted));
}
