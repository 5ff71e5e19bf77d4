using System.CommandLine;
using LakeFs.Actions.Client;

namespace LakeFs.Actions.Cli;

/// <summary><c>lakefs-runs branch-protect list|add|remove</c>: like <c>lakectl branch-protect</c>, with retry on concurrent changes.</summary>
internal static class BranchProtectCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var command = new Command("branch-protect", "List, add or remove branch protection rules.");

        var listRepository = new Argument<string>("repository") { Description = "Repository id." };
        var list = new Command("list", "List the rules.") { listRepository };
        list.SetAction((parseResult, cancellationToken) =>
        {
            var settings = globals.Read(parseResult);
            var id = parseResult.GetRequiredValue(listRepository);
            return ClientCommand.RunAsync(environment, settings, async (ILakeFsRepositoriesClient client, CancellationToken token) =>
            {
                var rules = await client.GetBranchProtectionRulesAsync(id, token);
                if (settings.Output == OutputFormat.Json)
                {
                    var json = new JsonLineWriter(environment.Out);
                    foreach (var rule in rules.Rules)
                    {
                        await json.WriteLineAsync(rule, token);
                    }
                }
                else
                {
                    await environment.Out.WriteLineAsync("BRANCH NAME PATTERN");
                    foreach (var rule in rules.Rules.OrderBy(r => r.Pattern, StringComparer.Ordinal))
                    {
                        await environment.Out.WriteLineAsync(rule.Pattern);
                    }
                }

                return ExitCodes.Success;
            }, cancellationToken);
        });

        command.Add(list);
        command.Add(Change(globals, environment, "add", "Protect branches matching a pattern (nothing to do when the rule exists).", add: true));
        command.Add(Change(globals, environment, "remove", "Remove the rule with this exact pattern (nothing to do when there is none).", add: false));
        return command;
    }

    private static Command Change(GlobalOptions globals, CliEnvironment environment, string name, string description, bool add)
    {
        var repository = new Argument<string>("repository") { Description = "Repository id." };
        var pattern = new Argument<string>("pattern") { Description = "Branch name pattern, e.g. main or release-*." };
        var command = new Command(name, description) { repository, pattern };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var settings = globals.Read(parseResult);
            var id = parseResult.GetRequiredValue(repository);
            var rule = parseResult.GetRequiredValue(pattern);
            return ClientCommand.RunAsync(environment, settings, async (ILakeFsRepositoriesClient client, CancellationToken token) =>
            {
                var changed = add
                    ? await client.AddBranchProtectionRuleAsync(id, rule, token)
                    : await client.RemoveBranchProtectionRuleAsync(id, rule, token);
                var text = (add, changed) switch
                {
                    (true, true) => $"Rule '{rule}' added to '{id}'.",
                    (true, false) => $"Rule '{rule}' already protects '{id}'.",
                    (false, true) => $"Rule '{rule}' removed from '{id}'.",
                    (false, false) => $"'{id}' has no rule '{rule}'.",
                };
                await RepoCommand.WriteMessageAsync(environment, settings.Output, new { repository = id, pattern = rule, changed }, text, token);
                return ExitCodes.Success;
            }, cancellationToken);
        });
        return command;
    }
}
