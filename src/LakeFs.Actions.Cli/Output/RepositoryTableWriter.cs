using LakeFs.Actions.Client;
using Spectre.Console;

namespace LakeFs.Actions.Cli;

/// <summary>Writes repositories as an aligned table.</summary>
internal static class RepositoryTableWriter
{
    public static void Write(IAnsiConsole console, IReadOnlyCollection<Repository> repositories)
    {
        if (repositories.Count == 0)
        {
            console.WriteLine("No repositories.");
            return;
        }

        var table = TableStyle.Create("REPOSITORY", "DEFAULT BRANCH", "STORAGE NAMESPACE", "CREATED (UTC)");
        foreach (var repository in repositories)
        {
            table.AddRow(
                new Text(repository.Id),
                new Text(repository.DefaultBranch),
                new Text(repository.StorageNamespace),
                new Text(DisplayTime.Of(repository.CreationDate)));
        }

        console.Write(table);
    }
}
