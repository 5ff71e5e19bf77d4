namespace LakeFs.Actions.Client.Package.Tests;

/// <summary>
/// An app with none of our project references: it takes both packages by PackageReference from the local feed,
/// builds, and lists runs from the emulator through the package.
/// </summary>
[Collection(PackedPackagesCollection.Name)]
public sealed class ConsumerAppTests(PackedPackages packages)
{
    [Fact]
    public async Task A_consumer_app_builds_and_lists_runs_through_the_packages()
    {
        var app = packages.CreateConsumerProject("Consumer");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Consumer", "Program.cs.txt"), Path.Combine(app, "Program.cs"));
        Assert.DoesNotContain("://", File.ReadAllText(Path.Combine(app, "nuget.config")), StringComparison.Ordinal);

        var run = await DotNetCli.RunAsync(app, "run", "-c", "Release");

        Assert.True(run.ExitCode == 0, $"consumer app failed:\n{run.Output}");
        Assert.Contains("run post-commit failed", run.Output, StringComparison.Ordinal);
        Assert.Contains("run pre-commit completed", run.Output, StringComparison.Ordinal);
        Assert.True(run.Output.IndexOf("post-commit", StringComparison.Ordinal) < run.Output.IndexOf("pre-commit", StringComparison.Ordinal),
            "newest run first");
        var assets = File.ReadAllText(Path.Combine(app, "obj", "project.assets.json"));
        Assert.Contains($"LakeFs.Actions.Client/{packages.Version}", assets, StringComparison.Ordinal);
        Assert.DoesNotContain("\"type\": \"project\"", assets, StringComparison.Ordinal);
    }
}
