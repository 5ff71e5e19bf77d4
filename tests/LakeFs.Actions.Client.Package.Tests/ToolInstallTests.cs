using System.IO.Compression;
using System.Text.RegularExpressions;

namespace LakeFs.Actions.Client.Package.Tests;

/// <summary>
/// The CLI as a .NET tool, the way a user gets it: packed with a one-off version into the local feed,
/// <c>dotnet tool install</c>ed into a temporary tool path, then the installed <c>lakefs-runs</c> run against its
/// embedded demo server (the emulator) with an empty home and no lakectl variables.
/// </summary>
[Collection(PackedPackagesCollection.Name)]
public sealed partial class ToolInstallTests(PackedPackages packages)
{
    [Fact]
    public async Task The_packed_tool_installs_and_lakefs_runs_works_against_the_demo_server()
    {
        await packages.PackToolAsync();
        using (var package = ZipFile.OpenRead(packages.PackageFile(PackedPackages.ToolId)))
        {
            var entries = package.Entries.Select(e => e.FullName).ToHashSet();
            Assert.Contains("tools/net10.0/any/lakefs-runs.dll", entries);
            Assert.Contains("tools/net10.0/any/LakeFs.Actions.Client.dll", entries);
            Assert.Contains("tools/net10.0/any/LakeFs.Actions.Client.Testing.dll", entries); // the embedded demo server
            Assert.Contains("README.md", entries);
        }

        var directory = packages.CreateFeedConfiguredDirectory("tool-install");
        var toolPath = Path.Combine(directory, "tools");
        var install = await DotNetCli.RunAsync(directory,
            "tool", "install", PackedPackages.ToolId, "--tool-path", toolPath, "--version", packages.Version);
        Assert.True(install.ExitCode == 0, $"dotnet tool install failed:\n{install.Output}");
        Assert.Contains("lakefs-runs", install.Output, StringComparison.Ordinal);

        var tool = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "lakefs-runs.exe" : "lakefs-runs");
        var environment = ToolEnvironment(directory);
        var list = await ChildProcess.RunAsync(tool, directory, environment, "list", "demo-repo", "--status", "failed", "--limit", "1", "-o", "markdown");

        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.StartsWith("## lakeFS action runs in demo-repo\n\n| Run | Event | Branch | Commit | Status | Started (UTC) | Duration |\n", list.Stdout, StringComparison.Ordinal);
        Assert.Contains("### Failed hooks\n\n<details><summary>❌ ", list.Stdout, StringComparison.Ordinal);
        Assert.Contains("using the embedded demo server", list.Stderr, StringComparison.Ordinal);
        var runId = FailedRunRow().Match(list.Stdout).Groups["id"].Value;
        Assert.NotEmpty(runId);

        var view = await ChildProcess.RunAsync(tool, directory, environment, "view", "demo-repo", runId, "--exit-status", "-o", "json");

        Assert.True(view.ExitCode == 1, view.ToString()); // the run failed
        Assert.Contains($"\"run_id\":\"{runId}\"", view.Stdout, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> ToolEnvironment(string directory)
    {
        var home = Directory.CreateDirectory(Path.Combine(directory, "home")).FullName;
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["HOME"] = home,
            ["USERPROFILE"] = home,
            ["NO_COLOR"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["CI"] = null, // in CI the tool uses the demo server only with --demo; this test is a first try on a laptop
        };
        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(n => n.StartsWith("LAKECTL_", StringComparison.Ordinal)))
        {
            environment[name] = null;
        }

        // The tool's launcher finds the runtime through DOTNET_ROOT when dotnet is not installed in the default place.
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && Path.GetDirectoryName(host) is { } root)
        {
            environment["DOTNET_ROOT"] = root;
        }

        return environment;
    }

    [GeneratedRegex(@"^\| `(?<id>[^`]+)` \|.*❌ failed", RegexOptions.Multiline)]
    private static partial Regex FailedRunRow();
}
