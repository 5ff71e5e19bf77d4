using System.CommandLine;
using LakeFs.Actions.Client;

namespace LakeFs.Actions.Cli;

/// <summary><c>lakefs-runs repo create|delete|show</c>: like <c>lakectl repo</c>.</summary>
internal static class RepoCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var command = new Command("repo", "Create, delete or show a repository (like lakectl repo).");
        command.Add(CreateCommand(globals, environment));
        command.Add(DeleteCommand(globals, environment));
        command.Add(ShowCommand(globals, environment));
        return command;
    }

    private static Command CreateCommand(GlobalOptions globals, CliEnvironment environment)
    {
        var name = new Argument<string>("name") { Description = "Repository id (3-63 lower-case letters, digits and dashes)." };
        var storageNamespace = new Argument<string>("storage-namespace") { Description = "Where the data lives, e.g. s3://bucket/path/." };
        var defaultBranch = new Option<string?>("--default-branch") { Description = "Default branch (server default: main)." };
        var bare = new Option<bool>("--bare") { Description = "Create without an initial commit or branch (to restore refs into)." };
        var existOk = new Option<bool>("--exist-ok") { Description = "Succeed, showing the existing repository, when it already exists." };
        var command = new Command("create", "Create a repository.") { name, storageNamespace, defaultBranch, bare, existOk };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var settings = globals.Read(parseResult);
            var options = new CreateRepositoryOptions
            {
                DefaultBranch = parseResult.GetValue(defaultBranch),
                Bare = parseResult.GetValue(bare),
                ExistOk = parseResult.GetValue(existOk),
            };
            var id = parseResult.GetRequiredValue(name);
            var target = parseResult.GetRequiredValue(storageNamespace);
            return ClientCommand.RunAsync(environment, settings, async (ILakeFsRepositoriesClient client, CancellationToken token) =>
            {
                Repository repository;
                try
                {
                    repository = await client.CreateRepositoryAsync(id, target, options, token);
                }
                catch (LakeFsApiException error) when (error.StatusCode == 409)
                {
                    throw new HintedException("Add --exist-ok to succeed when the repository already exists.", error);
                }

                await WriteRepositoryAsync(environment, settings.Output, repository, metadata: null, token);
                return ExitCodes.Success;
            }, cancellationToken);
        });
        return command;
    }

    private static Command DeleteCommand(GlobalOptions globals, CliEnvironment environment)
    {
        var name = new Argument<string>("name") { Description = "Repository id." };
        var force = new Option<bool>("--force") { Description = "Delete even a read-only repository." };
        var yes = new Option<bool>("--yes", "-y") { Description = "Confirm the deletion (required: there is no prompt)." };
        var command = new Command("delete", "Delete a repository (running it again finishes a deletion that failed midway).") { name, force, yes };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var settings = globals.Read(parseResult);
            var id = parseResult.GetRequiredValue(name);
            var confirmed = parseResult.GetValue(yes);
            var forced = parseResult.GetValue(force);
            return ClientCommand.RunAsync(environment, settings, async (ILakeFsRepositoriesClient client, CancellationToken token) =>
            {
                if (!confirmed)
                {
                    throw new UsageException($"deleting repository '{id}' cannot be undone: add --yes to confirm.");
                }

                await client.DeleteRepositoryAsync(id, forced, token);
                await WriteMessageAsync(environment, settings.Output, new { repository = id, deleted = true }, $"Repository '{id}' deleted.", token);
                return ExitCodes.Success;
            }, cancellationToken);
        });
        return command;
    }

    private static Command ShowCommand(GlobalOptions globals, CliEnvironment environment)
    {
        var name = new Argument<string>("name") { Description = "Repository id." };
        var command = new Command("show", "Show a repository and its metadata.") { name };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var settings = globals.Read(parseResult);
            var id = parseResult.GetRequiredValue(name);
            return ClientCommand.RunAsync(environment, settings, async (ILakeFsRepositoriesClient client, CancellationToken token) =>
            {
                var repository = await client.GetRepositoryAsync(id, token);
                var metadata = await client.GetRepositoryMetadataAsync(id, token);
                await WriteRepositoryAsync(environment, settings.Output, repository, metadata, token);
                return ExitCodes.Success;
            }, cancellationToken);
        });
        return command;
    }

    private static async Task WriteRepositoryAsync(CliEnvironment environment, OutputFormat format, Repository repository, IReadOnlyDictionary<string, string>? metadata, CancellationToken cancellationToken)
    {
        if (format == OutputFormat.Json)
        {
            var json = new JsonLineWriter(environment.Out);
            var document = json.ToObject(repository);
            if (metadata is not null)
            {
                document["metadata"] = json.ToObject(metadata);
            }

            await json.WriteLineAsync(document, cancellationToken);
            return;
        }

        var lines = new List<(string, string)>
        {
            ("Repository", repository.Id),
            ("Default branch", repository.DefaultBranch),
            ("Storage namespace", repository.StorageNamespace),
            ("Created (UTC)", repository.CreationDate.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (repository.ReadOnly == true)
        {
            lines.Add(("Read-only", "yes"));
        }

        foreach (var (key, value) in metadata?.OrderBy(p => p.Key, StringComparer.Ordinal) ?? Enumerable.Empty<KeyValuePair<string, string>>())
        {
            lines.Add(("Metadata " + key, value));
        }

        var width = lines.Max(l => l.Item1.Length) + 2;
        foreach (var (key, value) in lines)
        {
            await environment.Out.WriteLineAsync((key + ":").PadRight(width) + value);
        }
    }

    /// <summary>A confirmation: a JSON object with <c>-o json</c>, else a sentence.</summary>
    internal static async Task WriteMessageAsync(CliEnvironment environment, OutputFormat format, object json, string text, CancellationToken cancellationToken)
    {
        if (format == OutputFormat.Json)
        {
            await new JsonLineWriter(environment.Out).WriteLineAsync(Newtonsoft.Json.Linq.JObject.FromObject(json), cancellationToken);
        }
        else
        {
            await environment.Out.WriteLineAsync(text);
        }
    }
}
