using System.CommandLine;
using LakeFs.Actions.Client;
using Newtonsoft.Json;

namespace LakeFs.Actions.Cli;

/// <summary><c>lakefs-runs gc get|set|delete</c>: a repository's garbage collection rules, like <c>lakectl gc get-config|set-config|delete-config</c>.</summary>
internal static class GcCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var command = new Command("gc", "Get, set or delete a repository's garbage collection rules.");

        var getRepository = new Argument<string>("repository") { Description = "Repository id." };
        var get = new Command("get", "Show the rules (as JSON, the format 'gc set' reads).") { getRepository };
        get.SetAction((parseResult, cancellationToken) =>
        {
            var settings = globals.Read(parseResult);
            var id = parseResult.GetRequiredValue(getRepository);
            return ClientCommand.RunAsync(environment, settings, async (ILakeFsRepositoriesClient client, CancellationToken token) =>
            {
                var rules = await client.GetGCRulesAsync(id, token);
                if (rules is null)
                {
                    // JSON: nothing, like an empty listing; the sentence goes to standard error so that a script still sees why.
                    var text = $"Repository '{id}' has no garbage collection rules.";
                    await (settings.Output == OutputFormat.Json ? environment.Error.WriteLineAsync("lakefs-runs: " + text) : environment.Out.WriteLineAsync(text));
                    return ExitCodes.Success;
                }

                await new JsonLineWriter(environment.Out).WriteLineAsync(rules, token);
                return ExitCodes.Success;
            }, cancellationToken);
        });

        var setRepository = new Argument<string>("repository") { Description = "Repository id." };
        var file = new Option<FileInfo>("--file", "-f") { Description = "JSON file: {\"default_retention_days\": N, \"branches\": [{\"branch_id\": \"main\", \"retention_days\": N}]} ('-' reads standard input).", Required = true, HelpName = "file|-" };
        var set = new Command("set", "Replace the rules with those of a JSON file.") { setRepository, file };
        set.SetAction((parseResult, cancellationToken) =>
        {
            var settings = globals.Read(parseResult);
            var id = parseResult.GetRequiredValue(setRepository);
            var path = parseResult.GetRequiredValue(file);
            return ClientCommand.RunAsync(environment, settings, async (ILakeFsRepositoriesClient client, CancellationToken token) =>
            {
                var rules = ReadJsonFile<GarbageCollectionRules>(path, environment);
                await client.SetGCRulesAsync(id, rules, token);
                await RepoCommand.WriteMessageAsync(environment, settings.Output, new { repository = id, set = true }, $"Garbage collection rules of '{id}' set.", token);
                return ExitCodes.Success;
            }, cancellationToken);
        });

        var deleteRepository = new Argument<string>("repository") { Description = "Repository id." };
        var delete = new Command("delete", "Remove the rules.") { deleteRepository };
        delete.SetAction((parseResult, cancellationToken) =>
        {
            var settings = globals.Read(parseResult);
            var id = parseResult.GetRequiredValue(deleteRepository);
            return ClientCommand.RunAsync(environment, settings, async (ILakeFsRepositoriesClient client, CancellationToken token) =>
            {
                await client.DeleteGCRulesAsync(id, token);
                await RepoCommand.WriteMessageAsync(environment, settings.Output, new { repository = id, deleted = true }, $"Garbage collection rules of '{id}' deleted.", token);
                return ExitCodes.Success;
            }, cancellationToken);
        });

        command.Add(get);
        command.Add(set);
        command.Add(delete);
        return command;
    }

    /// <summary>Reads a JSON file (or standard input for <c>-</c>) into a model with the client's settings; a missing, empty or malformed document is a usage error.</summary>
    internal static T ReadJsonFile<T>(FileInfo file, CliEnvironment environment)
    {
        var fromInput = file.ToString() == "-";
        var source = fromInput ? "standard input" : $"'{file.FullName}'";
        string text;
        try
        {
            text = fromInput ? environment.Input.ReadToEnd() : File.ReadAllText(file.FullName);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read {source}: {error.Message}", error);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new UsageException($"{source} is empty: expected a {typeof(T).Name} JSON document.");
        }

        try
        {
            return LakeFsJson.Deserialize<T>(text);
        }
        catch (JsonException error)
        {
            throw new UsageException($"{source} is not a valid {typeof(T).Name} JSON document: {error.Message}", error);
        }
    }
}
