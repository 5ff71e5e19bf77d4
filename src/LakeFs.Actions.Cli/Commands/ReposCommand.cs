using System.CommandLine;
using LakeFs.Actions.Client;

namespace LakeFs.Actions.Cli;

/// <summary><c>lakefs-runs repos</c>: the repositories, by id.</summary>
internal static class ReposCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var command = new Command("repos", "List the repositories.");
        command.SetAction((parseResult, cancellationToken) =>
        {
            var settings = globals.Read(parseResult);
            return ClientCommand.RunAsync(environment, settings, (ILakeFsRepositoriesClient client, CancellationToken token) => ExecuteAsync(client, environment, settings.Output, token), cancellationToken);
        });
        return command;
    }

    private static async Task<int> ExecuteAsync(ILakeFsRepositoriesClient client, CliEnvironment environment, OutputFormat format, CancellationToken cancellationToken)
    {
        if (format == OutputFormat.Json)
        {
            var json = new JsonLineWriter(environment.Out);
            await foreach (var repository in client.ListRepositoriesAsync(cancellationToken: cancellationToken))
            {
                await json.WriteLineAsync(repository, cancellationToken);
            }

            return ExitCodes.Success;
        }

        var repositories = await client.ListRepositoriesAsync(cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        RepositoryTableWriter.Write(ConsoleFactory.Create(environment), repositories);
        return ExitCodes.Success;
    }
}
