using System.Text.RegularExpressions;

namespace LakeFs.Actions.Client.Package.Tests;

/// <summary>
/// Directory.Build.targets gives a package packed from a working copy a version made from git, so that NuGet's
/// cache never serves a stale copy: it changes with every commit and every change of the working tree (untracked
/// files included, ignored ones not), stays the same for the same content, and a release packs the plain version.
/// Checked on a small git repository of its own that uses the repository's Directory.Build.targets.
/// </summary>
public sealed partial class LocalVersionTests : IDisposable
{
    private readonly string _repository = Directory.CreateTempSubdirectory("lakefs-local-version-").FullName;

    public void Dispose()
    {
        foreach (var file in Directory.EnumerateFiles(_repository, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal); // git's object files are read-only
        }

        Directory.Delete(_repository, recursive: true);
    }

    [Fact]
    public async Task The_version_follows_commits_and_working_tree_content()
    {
        File.Copy(Path.Combine(RepositoryLocation.Root, "Directory.Build.targets"), Path.Combine(_repository, "Directory.Build.targets"));
        File.WriteAllText(Path.Combine(_repository, "Directory.Build.props"),
            "<Project><PropertyGroup><RepoRoot>$(MSBuildThisFileDirectory)</RepoRoot><VersionPrefix>1.2.3</VersionPrefix></PropertyGroup></Project>");
        File.WriteAllText(Path.Combine(_repository, ".gitignore"), "bin/\nobj/\nout/\n");
        Directory.CreateDirectory(Path.Combine(_repository, "Lib"));
        File.WriteAllText(Path.Combine(_repository, "Lib", "Lib.csproj"),
            "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework><IsPackable>true</IsPackable></PropertyGroup></Project>");
        File.WriteAllText(Path.Combine(_repository, "Lib", "Answer.cs"), "namespace Lib; public static class Answer { public const int Value = 42; }\n");
        await GitAsync("init", "--quiet");
        await GitAsync("add", "--all");
        await GitAsync("-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "--quiet", "-m", "first");
        var firstCommit = await GitAsync("rev-parse", "--short=10", "HEAD");

        var clean = await PackAsync();
        File.AppendAllText(Path.Combine(_repository, "Lib", "Answer.cs"), "// changed\n");
        var changed = await PackAsync();
        var changedAgain = await PackAsync();
        File.WriteAllText(Path.Combine(_repository, "Lib", "New.cs"), "namespace Lib; internal static class New { }\n");
        var untracked = await PackAsync();
        await GitAsync("add", "--all");
        await GitAsync("-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "--quiet", "-m", "second");
        var secondCommit = await GitAsync("rev-parse", "--short=10", "HEAD");
        var committed = await PackAsync();
        var release = await PackAsync("-p:OfficialRelease=true");
        var explicitVersion = await PackAsync("-p:PackageVersion=9.9.9-mine");

        Assert.Equal($"1.2.3-dev.1.g{firstCommit}", clean);
        Assert.Matches(WorkTreeVersion(), changed);
        Assert.StartsWith($"1.2.3-dev.1.g{firstCommit}.w", changed, StringComparison.Ordinal);
        Assert.Equal(changed, changedAgain);
        Assert.Matches(WorkTreeVersion(), untracked);
        Assert.NotEqual(changed, untracked);
        Assert.Equal($"1.2.3-dev.2.g{secondCommit}", committed);
        Assert.Equal("1.2.3", release);
        Assert.Equal("9.9.9-mine", explicitVersion);
        Assert.Equal(string.Empty, await GitAsync("status", "--porcelain")); // the repository's own index was not touched
    }

    private async Task<string> PackAsync(params string[] properties)
    {
        var output = Path.Combine(_repository, "out", Guid.NewGuid().ToString("N"));
        var result = await DotNetCli.RunAsync(_repository, ["pack", Path.Combine("Lib", "Lib.csproj"), "-c", "Release", "-o", output, .. properties]);
        Assert.True(result.ExitCode == 0, $"dotnet pack failed:\n{result.Output}");
        var package = Path.GetFileNameWithoutExtension(Assert.Single(Directory.GetFiles(output, "*.nupkg")));
        return package["Lib.".Length..];
    }

    private async Task<string> GitAsync(params string[] arguments)
    {
        var result = await DotNetCli.RunProgramAsync("git", _repository, new Dictionary<string, string?>(), TimeSpan.FromMinutes(1), arguments);
        Assert.True(result.ExitCode == 0, $"git {string.Join(' ', arguments)} failed: {result.Output}");
        return result.Output.Trim();
    }

    [GeneratedRegex(@"^1\.2\.3-dev\.1\.g[0-9a-f]{10}\.w[0-9a-f]{10}$")]
    private static partial Regex WorkTreeVersion();
}
