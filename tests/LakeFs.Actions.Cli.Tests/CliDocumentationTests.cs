using System.Text.RegularExpressions;
using LakeFs.Actions.Cli.Tests.Infrastructure;

namespace LakeFs.Actions.Cli.Tests;

/// <summary>
/// The usage lines and exit codes in the tool's package readme and in the repository's README match what
/// <c>--help</c> of every command says: each command with its arguments and options, nothing that does not exist.
/// </summary>
public sealed partial class CliDocumentationTests : IDisposable
{
    private readonly InProcessCli _cli = new();

    public static TheoryData<string> Readmes => new() { "src/LakeFs.Actions.Cli/README.md", "README.md" };

    public void Dispose() => _cli.Dispose();

    [Theory]
    [MemberData(nameof(Readmes))]
    public async Task Every_command_is_documented_with_the_arguments_and_options_its_help_shows(string readme)
    {
        var usage = UsageLines(readme);
        var globalOptions = OptionNames((await Help([])).Stdout);
        foreach (var command in LeafCommands())
        {
            var help = (await Help(command.Split(' '))).Stdout;
            var line = usage.SingleOrDefault(l => l == $"lakefs-runs {command}" || l.StartsWith($"lakefs-runs {command} ", StringComparison.Ordinal));
            Assert.True(line is not null, $"{readme} has no usage line for 'lakefs-runs {command}'");
            foreach (var argument in ArgumentNames(help))
            {
                Assert.True(line.Contains(argument, StringComparison.Ordinal), $"{readme}: '{line}' lacks the argument {argument}");
            }

            foreach (var option in OptionNames(help).Except(globalOptions))
            {
                Assert.True(line.Contains(option, StringComparison.Ordinal), $"{readme}: '{line}' lacks the option {option}");
            }
        }

        var global = Assert.Single(usage, l => l.StartsWith("global:", StringComparison.Ordinal));
        foreach (var option in globalOptions.Except(["--help", "--version"]))
        {
            Assert.True(global.Contains(option, StringComparison.Ordinal), $"{readme}: the global options lack {option}");
        }

        var documented = usage.Where(l => l.StartsWith("lakefs-runs ", StringComparison.Ordinal))
            .Select(l => string.Join(' ', l.Split(' ').Skip(1).TakeWhile(word => Regex.IsMatch(word, "^[a-z-]+$"))));
        Assert.All(documented, command => Assert.Contains(command, LeafCommands()));
    }

    [Theory]
    [MemberData(nameof(Readmes))]
    public void The_exit_codes_are_those_of_the_help(string readme)
    {
        var fromHelp = ExitCodeLine().Matches(ExitCodes.HelpText).Select(m => m.Groups["code"].Value).ToList();
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), readme)).ReplaceLineEndings("\n");
        var table = text[text.IndexOf("| Exit code | Meaning |", StringComparison.Ordinal)..];
        var fromReadme = ExitCodeRow().Matches(table[..(table.IndexOf("\n\n", StringComparison.Ordinal) is var end and > 0 ? end : table.Length)])
            .Select(m => m.Groups["code"].Value).ToList();

        Assert.Equal(fromHelp, fromReadme);
        Assert.Contains("6", fromReadme);
    }

    private async Task<CliResult> Help(string[] command) => await _cli.RunAsync([.. command, "--help"]);

    private static List<string> LeafCommands() =>
        [.. CommandTree.Walk(CommandTree.Root()).Where(c => c.Command.Action is not null && c.Path.Length > 0).Select(c => c.Path)];

    private static List<string> UsageLines(string readme)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), readme)).ReplaceLineEndings("\n");
        var block = UsageBlock().Match(text);
        Assert.True(block.Success, $"{readme} has no usage block starting with 'lakefs-runs repos'");
        return [.. block.Groups["lines"].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }

    // The long name of each option in the help's Options section, e.g. --limit from "  -L, --limit <n>  Show ...".
    private static HashSet<string> OptionNames(string help)
    {
        var section = help.ReplaceLineEndings("\n").Split("\nOptions:\n").ElementAtOrDefault(1) ?? string.Empty;
        return [.. section.Split('\n').TakeWhile(line => line.StartsWith("  ", StringComparison.Ordinal))
            .Select(line => OptionName().Match(line.Trim().Split("  ")[0]))
            .Where(m => m.Success)
            .Select(m => m.Value)];
    }

    private static IEnumerable<string> ArgumentNames(string help) =>
        ArgumentName().Matches(help.ReplaceLineEndings("\n").Split("\nUsage:\n").ElementAtOrDefault(1)?.Split('\n')[0] ?? string.Empty).Select(m => m.Value);

    private static string RepositoryRoot()
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

    [GeneratedRegex(@"^```text\n(?<lines>lakefs-runs repos\n.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex UsageBlock();

    [GeneratedRegex(@"--[a-z][a-z-]*")]
    private static partial Regex OptionName();

    [GeneratedRegex(@"<[a-z-]+>")]
    private static partial Regex ArgumentName();

    [GeneratedRegex(@"^\s+(?<code>\d+)\s{2,}", RegexOptions.Multiline)]
    private static partial Regex ExitCodeLine();

    [GeneratedRegex(@"^\| (?<code>\d+) \|", RegexOptions.Multiline)]
    private static partial Regex ExitCodeRow();
}
