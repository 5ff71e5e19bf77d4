using LakeFs.Actions.Cli.Tests.Infrastructure;

namespace LakeFs.Actions.Cli.Tests.Processes;

/// <summary>
/// <c>lakefs-runs</c> as a user runs it: a real process (<c>dotnet lakefs-runs.dll</c>), its exit code and its two
/// streams. Bad input ends in exit 2 and one line on standard error that names what was wrong, never a stack trace;
/// a configuration that is present but broken is an error, not a silent switch to the demo server.
/// </summary>
public sealed class LakeFsRunsProcessTests : IDisposable
{
    private readonly ProgramProcess _cli = ProgramProcess.LakeFsRuns();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData("--limit", "abc", "list", "demo-repo")]
    [InlineData("--limit", "1.5", "list", "demo-repo")]
    [InlineData("--limit", "99999999999", "list", "demo-repo")]
    [InlineData("-L", "-5", "list", "demo-repo")]
    [InlineData("--max-retries", "abc", "list", "demo-repo")]
    [InlineData("--max-retries", "1e3", "repos")]
    [InlineData("--interval", "abc", "watch", "demo-repo", "--commit", "c")]
    [InlineData("--poll-interval", "0s", "refs", "dump", "demo-repo")]
    [InlineData("--endpoint", "not a url", "repos")]
    [InlineData("--output", "xml", "repos")]
    public async Task A_malformed_option_value_exits_2_with_one_line_naming_the_option(string option, string value, params string[] command)
    {
        var result = await _cli.RunAsync([.. command, option, value]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.False(result.LooksLikeACrash, result.ToString());
        var line = Assert.Single(result.StderrLines);
        Assert.StartsWith("lakefs-runs: ", line, StringComparison.Ordinal);
        Assert.Contains(option == "-L" ? "--limit" : option, line, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public async Task An_empty_endpoint_variable_is_an_error_naming_it_not_the_demo_server()
    {
        _cli.Environment["LAKECTL_SERVER_ENDPOINT_URL"] = string.Empty;

        var result = await _cli.RunAsync(["repos"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("lakefs-runs: LAKECTL_SERVER_ENDPOINT_URL is set but empty: give it a value, or unset it.", Assert.Single(result.StderrLines));
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Theory]
    [InlineData("- just\n- a list\n", "is not a YAML mapping")]
    [InlineData("plain text\n", "is not a YAML mapping")]
    [InlineData("server: http://lakefs.example.com\n", "server in the lakectl configuration file")]
    [InlineData("server:\n  endpoint_url: \"\"\n", "server.endpoint_url in the lakectl configuration file")]
    [InlineData("server: [unclosed\n", "is not valid YAML")]
    public async Task A_broken_lakectl_file_is_an_error_naming_it_not_the_demo_server(string yaml, string message)
    {
        var file = Path.Combine(_cli.Home, ".lakectl.yaml");
        await File.WriteAllTextAsync(file, yaml);

        var result = await _cli.RunAsync(["list", "demo-repo"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        var line = Assert.Single(result.StderrLines);
        Assert.Contains(message, line, StringComparison.Ordinal);
        Assert.Contains(file, line, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public async Task In_CI_without_a_server_it_refuses_the_demo_server_and_names_the_demo_flag()
    {
        _cli.Environment["CI"] = "true";

        var refused = await _cli.RunAsync(["list", "demo-repo"]);
        var asked = await _cli.RunAsync(["list", "demo-repo", "--demo", "--limit", "1", "-o", "json"]);

        Assert.True(refused.ExitCode == 2, refused.ToString());
        Assert.Contains("--demo", Assert.Single(refused.StderrLines), StringComparison.Ordinal);
        Assert.Contains("CI", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, refused.Stdout);
        Assert.True(asked.ExitCode == 0, asked.ToString());
        Assert.Contains("\"run_id\":", Assert.Single(asked.StdoutLines), StringComparison.Ordinal);
        Assert.Contains("embedded demo server", asked.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_cannot_be_combined_with_an_endpoint()
    {
        var result = await _cli.RunAsync(["repos", "--demo", "--endpoint", "http://127.0.0.1:9/"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--demo", Assert.Single(result.StderrLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markdown_is_refused_by_a_command_that_cannot_write_it()
    {
        var result = await _cli.RunAsync(["repos", "-o", "markdown"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("lakefs-runs: 'lakefs-runs repos' cannot write --output markdown: use table or json. Run 'lakefs-runs --help' for usage.",
            Assert.Single(result.StderrLines));
    }

    [Fact]
    public async Task Conflicting_filters_are_reported_without_the_parameter_name_of_the_library()
    {
        var result = await _cli.RunAsync(["list", "demo-repo", "--branch", "main", "--commit", "abc"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.DoesNotContain("(Parameter", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Branch and Commit cannot be combined", result.StderrLines[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\0\0\0")]
    [InlineData("{\"default_retention_days\": \0}")]
    [InlineData("")]
    [InlineData("not json")]
    public async Task Bad_json_on_standard_input_names_standard_input_and_prints_no_control_characters(string input)
    {
        var result = await _cli.RunAsync(["gc", "set", "demo-repo", "--file", "-"], input);

        Assert.True(result.ExitCode == 2, result.ToString());
        var line = result.StderrLines[^1];
        Assert.StartsWith("lakefs-runs: standard input ", line, StringComparison.Ordinal);
        Assert.DoesNotContain(line, char.IsControl);
        Assert.DoesNotContain("'-'", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Creating_a_repository_that_exists_suggests_exist_ok_and_exits_6()
    {
        var result = await _cli.RunAsync(["repo", "create", "demo-repo", "s3://demo-bucket/repos/demo-repo/"]);

        Assert.True(result.ExitCode == 6, result.ToString());
        var line = result.StderrLines[^1];
        Assert.Contains("409", line, StringComparison.Ordinal);
        Assert.Contains("--exist-ok", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_server_accepts_the_s3_namespaces_the_help_shows()
    {
        var help = await _cli.RunAsync(["repo", "create", "--help"]);
        var created = await _cli.RunAsync(["repo", "create", "new-repo", "s3://bucket/path/", "-o", "json"]);

        Assert.Contains("s3://bucket/path/", help.Stdout, StringComparison.Ordinal);
        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Contains("\"storage_namespace\":\"s3://bucket/path/\"", created.Stdout, StringComparison.Ordinal);
    }
}
