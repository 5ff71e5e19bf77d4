using System.Globalization;

namespace LakeFs.Actions.Client.Package.Tests;

/// <summary>
/// Packs LakeFs.Actions.Client, LakeFs.Actions.Client.Testing and LakeFs.Actions.Webhooks once, with a version no other run uses, into a
/// temporary folder that serves as a local NuGet feed. The packages are made from the binaries the test run
/// already built (<c>--no-build</c>), so packing does not race the build of the other test projects.
/// </summary>
public sealed class PackedPackages : IAsyncLifetime
{
    public const string ClientId = "LakeFs.Actions.Client";
    public const string TestingId = "LakeFs.Actions.Client.Testing";
    public const string WebhooksId = "LakeFs.Actions.Webhooks";
    public const string ToolId = "LakeFs.Actions.Cli";

#if DEBUG
    private const string BuildConfiguration = "Debug";
#else
    private const string BuildConfiguration = "Release";
#endif

    public string Version { get; } =
        $"0.0.1-pkgtest.{DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}.{Random.Shared.Next(100_000, 999_999)}";

    public string WorkDirectory { get; } = Directory.CreateTempSubdirectory("lakefs-package-test-").FullName;

    public string Feed => Path.Combine(WorkDirectory, "feed");

    public string RepositoryRoot { get; } = RepositoryLocation.Root;

    public string PackageFile(string id, string extension = "nupkg") => Path.Combine(Feed, $"{id}.{Version}.{extension}");

    /// <summary>
    /// Creates a folder with a project made from <c>Consumer/&lt;projectName&gt;.csproj.txt</c> that references the packed
    /// packages by version, and a nuget.config that takes them from the local feed.
    /// </summary>
    /// <summary>
    /// Packs the <c>lakefs-runs</c> .NET tool (src/LakeFs.Actions.Cli, already built) into the local feed with
    /// <see cref="Version"/>; only the test that installs it needs it.
    /// </summary>
    public async Task PackToolAsync()
    {
        var project = Path.Combine(RepositoryRoot, "src", ToolId, $"{ToolId}.csproj");
        var result = await DotNetCli.RunAsync(RepositoryRoot,
            "pack", project, "--no-build", "-c", BuildConfiguration, "-o", Feed, $"-p:PackageVersion={Version}");
        Assert.True(result.ExitCode == 0, $"dotnet pack {ToolId} failed:\n{result.Output}");
    }

    /// <summary>A folder holding the nuget.config that takes our packages from the local feed (as the consumer's).</summary>
    public string CreateFeedConfiguredDirectory(string name)
    {
        var directory = Path.Combine(WorkDirectory, name);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "nuget.config"),
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Consumer", "nuget.config.txt")).Replace("$feed$", Feed, StringComparison.Ordinal));
        return directory;
    }

    public string CreateConsumerProject(string projectName)
    {
        var directory = CreateFeedConfiguredDirectory(projectName);
        var templates = Path.Combine(AppContext.BaseDirectory, "Consumer");
        File.WriteAllText(Path.Combine(directory, $"{projectName}.csproj"),
            File.ReadAllText(Path.Combine(templates, $"{projectName}.csproj.txt")).Replace("$version$", Version, StringComparison.Ordinal));
        return directory;
    }

    public async Task InitializeAsync()
    {
        foreach (var id in new[] { ClientId, TestingId, WebhooksId })
        {
            var project = Path.Combine(RepositoryRoot, "src", id, $"{id}.csproj");
            var result = await DotNetCli.RunAsync(RepositoryRoot,
                "pack", project, "--no-build", "-c", BuildConfiguration, "-o", Feed, $"-p:PackageVersion={Version}");
            Assert.True(result.ExitCode == 0, $"dotnet pack {id} failed:\n{result.Output}");
        }
    }

    public Task DisposeAsync()
    {
        // The consumer's restore extracted this one-off version into the global packages folder: remove it.
        var globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in new[] { ClientId, TestingId, WebhooksId, ToolId })
        {
            TryDelete(Path.Combine(globalPackages, id.ToLowerInvariant(), Version));
        }

        TryDelete(WorkDirectory);
        return Task.CompletedTask;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: a leftover temporary folder is not a test failure.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PackedPackagesCollection : ICollectionFixture<PackedPackages>
{
    public const string Name = "packed packages";
}
