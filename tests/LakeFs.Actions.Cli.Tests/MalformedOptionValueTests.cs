using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Help;
using LakeFs.Actions.Cli.Tests.Infrastructure;

namespace LakeFs.Actions.Cli.Tests;

/// <summary>
/// Every option of every command that takes a typed value (a number, a duration, a URL, one of a list), including
/// those of commands added later: a malformed value exits 2 with a message naming the option, before any request.
/// So does an empty argument or text option (<c>--commit ""</c> from an unset shell variable).
/// </summary>
public sealed class MalformedOptionValueTests : IDisposable
{
    private static readonly string[] MalformedValues = ["abc", "1.5", "99999999999"];

    // Options a command's own validator asks for, so that the only error left is the malformed value.
    // (For watch: one of --commit and --branch; the other one when the option tried is one of them.)
    private static readonly Dictionary<string, string[][]> RequiredOptions = new(StringComparer.Ordinal)
    {
        ["watch"] = [["--commit", "c"], ["--branch", "b"]],
    };

    private readonly InProcessCli _cli = new();

    public void Dispose() => _cli.Dispose();

    public static TheoryData<string, string> TypedOptions()
    {
        var data = new TheoryData<string, string>();
        var root = CommandTree.Root();
        foreach (var (command, path) in CommandTree.Walk(root))
        {
            foreach (var option in command.Options.Where(o => !o.Recursive || command == root).Where(IsTyped))
            {
                // A valid command line around the option: a value for each argument and required option; global options are tried on repos.
                var commandLine = command == root ? "repos" : string.Join(' ', [path.Trim(), .. command.Arguments.Select(_ => "x"), .. command.Options.Where(o => o.Required && o != option).SelectMany(o => new[] { o.Name, ValidValue(o) }), .. Required(path.Trim(), option.Name)]);
                data.Add(commandLine, option.Name);
            }
        }

        return data;
    }

    public static TheoryData<string[], string> EmptyTextValues()
    {
        var data = new TheoryData<string[], string>();
        var root = CommandTree.Root();
        foreach (var (command, path) in CommandTree.Walk(root).Where(c => c.Command.Action is not null && c.Command != root))
        {
            var words = path.Trim().Split(' ');
            string[] Around(string tried) => [.. command.Options.Where(o => o.Required && o.Name != tried).SelectMany(o => new[] { o.Name, ValidValue(o) }), .. Required(path.Trim(), tried)];
            for (var i = 0; i < command.Arguments.Count; i++)
            {
                if (command.Arguments[i].ValueType == typeof(string))
                {
                    data.Add([.. words, .. command.Arguments.Select((_, j) => j == i ? string.Empty : "x"), .. Around(string.Empty)], $"<{command.Arguments[i].Name}>");
                }
            }

            foreach (var option in command.Options.Where(o => o.ValueType == typeof(string)))
            {
                data.Add([.. words, .. command.Arguments.Select(_ => "x"), .. Around(option.Name), option.Name, " "], option.Name);
            }
        }

        foreach (var option in root.Options.Where(o => o.ValueType == typeof(string)))
        {
            data.Add(["repos", option.Name, string.Empty], option.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EmptyTextValues))]
    public async Task An_empty_argument_or_text_option_exits_2_naming_it(string[] args, string name)
    {
        var result = await _cli.RunAsync(args);

        Assert.True(result.ExitCode == 2, $"{string.Join(' ', args)}: {result}");
        Assert.Contains($"{name} must not be empty.", Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public void The_walk_finds_the_typed_options()
    {
        var found = TypedOptions().Select(row => (string)row[1]).ToHashSet();

        Assert.Superset(new HashSet<string> { "--limit", "--max-retries", "--interval", "--timeout", "--look-back", "--poll-interval", "--endpoint", "--output", "--status" }, found);
    }

    [Theory]
    [MemberData(nameof(TypedOptions))]
    public async Task A_malformed_value_exits_2_naming_the_option(string command, string option)
    {
        foreach (var value in MalformedValues)
        {
            string[] args = [.. command.Split(' ', StringSplitOptions.RemoveEmptyEntries), option, value];

            var result = await _cli.RunAsync(args);

            Assert.True(result.ExitCode == 2, $"{string.Join(' ', args)}: {result}");
            Assert.Contains(option, Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
            Assert.Equal(string.Empty, result.Stdout);
        }
    }

    private static string[] Required(string command, string tried) =>
        RequiredOptions.GetValueOrDefault(command, []).FirstOrDefault(alternative => alternative[0] != tried) ?? [];

    // A value a required option accepts: the first of its completions (an --event names a known event), else any text.
    private static string ValidValue(Option option) =>
        option.GetCompletions(CompletionContext.Empty).Select(c => c.Label).FirstOrDefault() ?? "x";

    // Options whose value is checked: anything but free text (one or many), flags and files (any text names a file).
    private static bool IsTyped(Option option) =>
        option is not (HelpOption or VersionOption)
        && option.ValueType != typeof(bool) && option.ValueType != typeof(FileInfo) && option.ValueType != typeof(string[])
        && (option.ValueType != typeof(string) || option.CompletionSources.Count > 0 && option.GetCompletions(CompletionContext.Empty).Any());
}
