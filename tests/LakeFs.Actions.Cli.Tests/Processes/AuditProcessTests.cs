using System.Text.RegularExpressions;
using LakeFs.Actions.Cli.Tests.Infrastructure;
using LakeFs.Actions.Client.Testing;

namespace LakeFs.Actions.Cli.Tests.Processes;

/// <summary>The audit sample behaves like a program: help, unknown options, bad configuration and its environment.</summary>
public sealed partial class AuditProcessTests : IDisposable
{
    private readonly ProgramProcess _audit = ProgramProcess.Audit();

    public void Dispose() => _audit.Dispose();

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task Help_prints_usage_and_contacts_nothing(string flag)
    {
        await using var lakeFs = await LakeFsActionsEmulator.StartAsync();
        _audit.Environment["LAKECTL_SERVER_ENDPOINT_URL"] = lakeFs.Endpoint.ToString();

        var result = await _audit.RunAsync([flag]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("Usage: audit ", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("--latest N", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stderr);
        Assert.Equal(0, lakeFs.TotalRequests);
    }

    [Theory]
    [InlineData("--frobnicate")]
    [InlineData("--latest", "abc")]
    [InlineData("--tail", "99999999999")]
    [InlineData("extra")]
    public async Task A_bad_command_line_exits_2_with_one_line(params string[] args)
    {
        var result = await _audit.RunAsync(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.False(result.LooksLikeACrash, result.ToString());
        var line = Assert.Single(result.StderrLines);
        Assert.StartsWith("audit: ", line, StringComparison.Ordinal);
        Assert.Contains(args[0], line, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Theory]
    [InlineData("LAKECTL_SERVER_ENDPOINT_URL", "ftp://lakefs.example.com", "LAKECTL_SERVER_ENDPOINT_URL")]
    [InlineData("LAKECTL_SERVER_ENDPOINT_URL", "", "LAKECTL_SERVER_ENDPOINT_URL")]
    [InlineData("LakeFs__Endpoint", "not a url", "Endpoint")]
    [InlineData("LakeFs__Endpoint", " ", "LakeFs:Endpoint")]
    [InlineData("LAKECTL_CREDENTIALS_ACCESS_KEY_ID", "AKIAONLY", "no lakeFS server")]
    public async Task A_bad_endpoint_or_configuration_exits_2_with_one_line(string variable, string value, string named)
    {
        _audit.Environment[variable] = value;

        var result = await _audit.RunAsync([]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.False(result.LooksLikeACrash, result.ToString());
        var line = Assert.Single(result.StderrLines);
        Assert.StartsWith("audit: ", line, StringComparison.Ordinal);
        Assert.Contains(named, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lakectl_file_that_is_not_a_mapping_exits_2_with_one_line()
    {
        await File.WriteAllTextAsync(Path.Combine(_audit.Home, ".lakectl.yaml"), "just a string\n");

        var result = await _audit.RunAsync([]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(".lakectl.yaml", Assert.Single(result.StderrLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unprefixed_environment_variables_are_not_options()
    {
        _audit.Environment["COMMIT"] = "0000000000";
        _audit.Environment["LATEST"] = "not a number";
        _audit.Environment["TAIL"] = "-1";
        _audit.Environment["REPOSITORY"] = "no-such-repo";
        _audit.Environment["HTML"] = string.Empty;

        var result = await _audit.RunAsync(["--latest", "3"]);

        Assert.True(result.ExitCode == 1, result.ToString()); // the demo data has failed runs
        Assert.StartsWith("Audit of demo-repo: latest 3 runs", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(3, RunLine().Matches(result.Stdout).Count);
    }

    [Fact]
    public async Task In_CI_the_demo_server_is_used_only_with_the_demo_flag()
    {
        _audit.Environment["CI"] = "true";

        var refused = await _audit.RunAsync([]);
        var asked = await _audit.RunAsync(["--demo", "--latest", "1"]);

        Assert.True(refused.ExitCode == 2, refused.ToString());
        Assert.Contains("--demo", Assert.Single(refused.StderrLines), StringComparison.Ordinal);
        Assert.True(asked.ExitCode is 0 or 1, asked.ToString());
        Assert.StartsWith("Audit of demo-repo: latest 1 runs", asked.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_run_ids_are_the_same_in_two_runs_of_the_same_day()
    {
        var day = DateTime.UtcNow.Date;
        var first = await _audit.RunAsync(["--latest", "5"]);
        var second = await _audit.RunAsync(["--latest", "5"]);

        Assert.True(first.ExitCode == 1, first.ToString());
        var ids = RunLine().Matches(first.Stdout).Select(m => m.Groups["id"].Value).ToList();
        Assert.Equal(5, ids.Count);
        if (DateTime.UtcNow.Date == day) // the two runs did not straddle midnight UTC
        {
            Assert.Equal(ids, RunLine().Matches(second.Stdout).Select(m => m.Groups["id"].Value));
        }
    }

    [GeneratedRegex(@"^  (?<id>[0-9a-v]{20})  ", RegexOptions.Multiline)]
    private static partial Regex RunLine();
}
