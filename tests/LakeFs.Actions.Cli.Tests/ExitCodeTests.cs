using LakeFs.Actions.Cli.Tests.Infrastructure;
using LakeFs.Actions.Client.Testing;

namespace LakeFs.Actions.Cli.Tests;

/// <summary>Every documented exit code (0, 1, 124 and 130 are covered with their commands), and the one-line error on stderr.</summary>
public sealed class ExitCodeTests : IAsyncLifetime, IDisposable
{
    private readonly InProcessCli _cli = new();
    private SeededEmulator _lakeFs = null!;

    public async Task InitializeAsync() => _lakeFs = await SeededEmulator.StartAsync();

    public async Task DisposeAsync() => await _lakeFs.DisposeAsync();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData(new string[0], "Required command was not provided")]
    [InlineData(new[] { "list" }, "Required argument 'repository'")]
    [InlineData(new[] { "list", "data-lake", "--output", "xml" }, "xml")]
    [InlineData(new[] { "list", "data-lake", "--status", "running" }, "running")]
    [InlineData(new[] { "list", "data-lake", "--limit", "-1" }, "--limit must be a whole number from 0 to 2147483647 (was '-1')")]
    [InlineData(new[] { "list", "data-lake", "--limit", "abc" }, "--limit must be a whole number from 0 to 2147483647 (was 'abc')")]
    [InlineData(new[] { "list", "data-lake", "--max-retries", "-1" }, "--max-retries must be a whole number from 0 to 2147483647 (was '-1')")]
    [InlineData(new[] { "repos", "-o", "markdown" }, "'lakefs-runs repos' cannot write --output markdown: use table or json.")]
    [InlineData(new[] { "logs", "data-lake", "r", "h", "-o", "json" }, "'lakefs-runs logs' cannot write --output json: use table.")]
    [InlineData(new[] { "watch", "data-lake" }, "--commit")]
    [InlineData(new[] { "watch", "data-lake", "--commit", "c", "--interval", "soon" }, "--interval must be a positive duration")]
    [InlineData(new[] { "watch", "data-lake", "--commit", "c", "--timeout", "0s" }, "--timeout must be a positive duration")]
    [InlineData(new[] { "list", "data-lake", "--endpoint", "ftp://lakefs" }, "--endpoint must be an absolute http or https URL")]
    [InlineData(new[] { "frobnicate" }, "frobnicate")]
    public async Task Usage_errors_exit_2_before_any_request(string[] args, string message)
    {
        _cli.Environment["LAKECTL_SERVER_ENDPOINT_URL"] = _lakeFs.Emulator.Endpoint.ToString();

        var result = await _cli.RunAsync(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.EndsWith("Run 'lakefs-runs --help' for usage.\n", result.Stderr.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Equal(0, _lakeFs.Emulator.TotalRequests);
    }

    [Fact]
    public async Task An_invalid_since_value_exits_2_before_any_request()
    {
        var result = await _cli.RunAsync(InProcessCli.Against(_lakeFs.Emulator, "list", "data-lake", "--since", "yesterday"));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("lakefs-runs: --since must be an ISO-8601 time such as 2025-06-01T12:00:00Z or a duration such as 2h, 30m, 1d (was 'yesterday').\n", result.Stderr.ReplaceLineEndings("\n"));
        Assert.Equal(0, _lakeFs.Emulator.TotalRequests);
    }

    [Fact]
    public async Task An_access_key_without_its_secret_exits_2()
    {
        _cli.Environment["LAKECTL_SERVER_ENDPOINT_URL"] = _lakeFs.Emulator.Endpoint.ToString();

        var result = await _cli.RunAsync(["repos", "--access-key-id", "AKIAONLY"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("SecretAccessKey is required", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("list", "no-such-repo")]
    [InlineData("view", "data-lake", "no-such-run")]
    [InlineData("logs", "data-lake", "RUN", "9999_9999")]
    [InlineData("watch", "no-such-repo", "--commit", "c")]
    public async Task Not_found_exits_3_with_the_servers_message_and_request_id(params string[] args)
    {
        args = [.. args.Select(a => a == "RUN" ? _lakeFs.MergeRun : a)];

        var result = await _cli.RunAsync(InProcessCli.Against(_lakeFs.Emulator, args));

        Assert.True(result.ExitCode == 3, result.ToString());
        var line = Assert.Single(result.Stderr.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(@"not found \(HTTP 404, request id [0-9a-f-]{36}\)$", line);
        Assert.Contains(_lakeFs.Emulator.ReceivedRequests[^1].RequestId, line, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public async Task Wrong_credentials_exit_4_without_printing_the_secret()
    {
        const string wrongSecret = "not-the-secret-but-still-a-secret-42";

        var result = await _cli.RunAsync(
            ["list", "data-lake", "--endpoint", _lakeFs.Emulator.Endpoint.ToString(), "--access-key-id", _lakeFs.Emulator.AccessKeyId, "--secret-access-key", wrongSecret]);

        Assert.True(result.ExitCode == 4, result.ToString());
        var line = Assert.Single(result.Stderr.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("error authenticating request", line, StringComparison.Ordinal);
        Assert.Contains("HTTP 401, request id", line, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongSecret, result.Stderr + result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(_lakeFs.Emulator.SecretAccessKey, result.Stderr + result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Persistent_throttling_exits_5_after_the_retries()
    {
        _lakeFs.Emulator.Faults.Enqueue(EmulatorFault.Throttle(503, retryAfter: TimeSpan.Zero), times: 100);

        var result = await _cli.RunAsync(InProcessCli.Against(_lakeFs.Emulator, "list", "data-lake", "--max-retries", "2"));

        Assert.True(result.ExitCode == 5, result.ToString());
        Assert.Equal(3, _lakeFs.Emulator.TotalRequests);
        var line = Assert.Single(result.Stderr.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Gave up after 3 attempts", line, StringComparison.Ordinal);
        Assert.Contains("HTTP 503, request id", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_is_not_there_exits_5()
    {
        // Port 1 (tcpmux) is not served on a test machine: the connection is refused at once.
        var result = await _cli.RunAsync(["repos", "--endpoint", "http://127.0.0.1:1/", "--access-key-id", "a", "--secret-access-key", "b", "--max-retries", "0"]);

        Assert.True(result.ExitCode == 5, result.ToString());
        var line = Assert.Single(result.Stderr.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("lakefs-runs: listRepositories: Could not talk to lakeFS at http://127.0.0.1:1", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_the_exit_codes_and_exits_0()
    {
        var result = await _cli.RunAsync(["--help"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var code in new[] { "0 ", "1 ", "2 ", "3 ", "4 ", "5 ", "124", "130" })
        {
            Assert.Contains("\n    " + code, result.Stdout, StringComparison.Ordinal);
        }

        Assert.Contains("LAKECTL_SERVER_ENDPOINT_URL", result.Stdout, StringComparison.Ordinal);
    }
}
