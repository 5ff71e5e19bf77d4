using System.Text.RegularExpressions;

namespace LakeFs.Actions.Client.Package.Tests;

/// <summary>
/// The README's recipe for using the packages before they are published, run as written by bash: from the
/// repository root, with a home directory of its own (the packages folder and the new project land there,
/// outside the repository). It packs with the local -dev version, builds a new project that takes the packages
/// from the folder through its nuget.config, installs the tool into a tool path and runs it.
/// </summary>
[Collection(PackedPackagesCollection.Name)]
public sealed partial class ReadmeRecipeTests(PackedPackages packages)
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task The_local_packages_recipe_works_as_written()
    {
        var recipe = ReadmeText.Recipe(ReadmeText.Read(packages.RepositoryRoot));
        var home = Directory.CreateDirectory(Path.Combine(packages.WorkDirectory, "recipe-home")).FullName;
        var globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var feed = Path.Combine(home, "lakefs-packages");
        try
        {
            var (exitCode, output) = await RunBashAsync(recipe, packages.RepositoryRoot, home, globalPackages);

            Assert.True(exitCode == 0, $"the README recipe failed:\n{output}");
            var versions = Directory.GetFiles(feed, "*.nupkg").Select(f => LocalVersion().Match(Path.GetFileName(f))).ToList();
            Assert.Equal(4, versions.Count); // the client, the emulator, the webhooks package and the tool
            Assert.All(versions, v => Assert.True(v.Success, "not a local -dev version"));
            Assert.Single(versions.Select(v => v.Groups["version"].Value).Distinct());
            Assert.Contains("RUN ID", output, StringComparison.Ordinal); // the installed tool listed the demo runs
            Assert.True(File.Exists(Path.Combine(home, "lakefs-app", "tools", OperatingSystem.IsWindows() ? "lakefs-runs.exe" : "lakefs-runs")));
            var assets = File.ReadAllText(Path.Combine(home, "lakefs-app", "obj", "project.assets.json"));
            Assert.Contains($"LakeFs.Actions.Client/{versions[0].Groups["version"].Value}", assets, StringComparison.Ordinal);
        }
        finally
        {
            RemoveFromGlobalPackages(feed, globalPackages);
        }
    }

    private static Task<DotNetResult> RunBashAsync(string script, string workingDirectory, string home, string globalPackages)
    {
        // A user's shell: no CI, no lakectl settings, a home of its own (NuGet's package cache kept).
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["CI"] = null,
            ["HOME"] = home,
            ["USERPROFILE"] = home,
            ["NUGET_PACKAGES"] = globalPackages,
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
            ["NO_COLOR"] = "1",
        };
        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(n => n.StartsWith("LAKECTL_", StringComparison.Ordinal)))
        {
            environment[name] = null;
        }

        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && Path.GetDirectoryName(host) is { } root)
        {
            environment["DOTNET_ROOT"] = root;
            environment["PATH"] = root + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        }

        return DotNetCli.RunProgramAsync("bash", workingDirectory, environment, HangGuard, "-e", "-u", "-o", "pipefail", "-c", script);
    }

    // The recipe's -dev versions were extracted into NuGet's global packages folder: remove them.
    private static void RemoveFromGlobalPackages(string feed, string globalPackages)
    {
        if (!Directory.Exists(feed))
        {
            return;
        }

        foreach (var match in Directory.GetFiles(feed, "*.nupkg").Select(f => LocalVersion().Match(Path.GetFileName(f))).Where(m => m.Success))
        {
            var directory = Path.Combine(globalPackages, match.Groups["id"].Value.ToLowerInvariant(), match.Groups["version"].Value);
            try
            {
                if (Directory.Exists(directory))
                {
                    Directory.Delete(directory, recursive: true);
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    [GeneratedRegex(@"^(?<id>LakeFs\.Actions\.[A-Za-z.]+?)\.(?<version>\d+\.\d+\.\d+-dev\.\d+\.g[0-9a-f]{10}(\.w[0-9a-f]{10})?)\.nupkg$")]
    private static partial Regex LocalVersion();
}
