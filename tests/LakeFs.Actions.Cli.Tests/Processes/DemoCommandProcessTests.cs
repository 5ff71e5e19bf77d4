using LakeFs.Actions.Cli.Tests.Infrastructure;

namespace LakeFs.Actions.Cli.Tests.Processes;

/// <summary>
/// <c>lakefs-runs demo</c> keeps one demo server running and prints the settings for another shell: state-changing
/// commands then build on each other, as against a real server.
/// </summary>
public sealed class DemoCommandProcessTests : IDisposable
{
    private readonly ProgramProcess _demo = ProgramProcess.LakeFsRuns();
    private readonly ProgramProcess _client = ProgramProcess.LakeFsRuns();

    public void Dispose()
    {
        _demo.Dispose();
        _client.Dispose();
    }

    [Fact]
    public async Task Prints_the_lakectl_settings_serves_other_processes_and_stops_when_standard_input_closes()
    {
        string[] args = ["demo"];
        using var demo = _demo.Start(args);
        var stderr = demo.StandardError.ReadToEndAsync();
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < 3; i++)
        {
            var line = await demo.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException($"demo ended early: {await stderr}");
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            Assert.True(equals > 0, line);
            settings[line[..equals]] = line[(equals + 1)..];
        }

        Assert.Equal(["LAKECTL_CREDENTIALS_ACCESS_KEY_ID", "LAKECTL_CREDENTIALS_SECRET_ACCESS_KEY", "LAKECTL_SERVER_ENDPOINT_URL"], settings.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith("http://127.0.0.1:", settings["LAKECTL_SERVER_ENDPOINT_URL"], StringComparison.Ordinal);
        foreach (var (name, value) in settings)
        {
            _client.Environment[name] = value;
        }

        _client.Environment["CI"] = "true"; // configured: no demo server of its own, even in CI
        var created = await _client.RunAsync(["repo", "create", "shared-repo", "s3://bucket/shared/"]);
        var again = await _client.RunAsync(["repo", "create", "shared-repo", "s3://bucket/shared/", "--exist-ok", "-o", "json"]);
        var repos = await _client.RunAsync(["repos", "-o", "json"]);

        demo.StandardInput.Close();
        await ProgramProcess.WaitAsync(demo, args);

        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("\"id\":\"shared-repo\"", repos.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"demo-repo\"", repos.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("embedded demo server", repos.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, demo.ExitCode);
        Assert.Contains("Ctrl+C", await stderr, StringComparison.Ordinal);
    }
}
