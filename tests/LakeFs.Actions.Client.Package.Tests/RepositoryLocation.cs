namespace LakeFs.Actions.Client.Package.Tests;

/// <summary>Where the repository is: the folder above the tests that holds LakeFs.Actions.Client.sln.</summary>
internal static class RepositoryLocation
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LakeFs.Actions.Client.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No LakeFs.Actions.Client.sln above {AppContext.BaseDirectory}.");
    }
}
