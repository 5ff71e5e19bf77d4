using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using LakeFs.Actions.Client;

namespace LakeFs.Actions.Cli;

/// <summary>The <c>lakefs-runs</c> command line: its commands, and how a command line becomes an exit code.</summary>
internal static class CliApplication
{
    public static readonly string Description = $"""
        List and inspect lakeFS action runs and hook runs (like lakectl actions runs, gh run),
        and manage repositories (repo, gc, branch-protect, refs: like lakectl's commands).
        Validate action files and plan which hooks an event runs (actions validate|plan).

        Connection: --endpoint, --access-key-id and --secret-access-key; else the environment
        variables {LakectlConfiguration.EndpointVariable}, {LakectlConfiguration.AccessKeyIdVariable} and
        {LakectlConfiguration.SecretAccessKeyVariable}; else ~/.lakectl.yaml (or the file named by {LakectlConfiguration.ConfigFileVariable}).
        With none of them, an embedded demo server with the repository demo-repo is started, except
        when the CI variable is set: then configure a server, or ask for the demo server with --demo.
        'lakefs-runs demo' keeps a demo server running for other shells.

        {ExitCodes.HelpText}
        """;

    public static RootCommand CreateRootCommand(CliEnvironment environment)
    {
        var globals = new GlobalOptions();
        var root = new RootCommand(Description);
        globals.AddTo(root);
        root.Add(ReposCommand.Create(globals, environment));
        root.Add(ListCommand.Create(globals, environment));
        root.Add(ViewCommand.Create(globals, environment));
        root.Add(ExplainCommand.Create(globals, environment));
        root.Add(LogsCommand.Create(globals, environment));
        root.Add(WatchCommand.Create(globals, environment));
        root.Add(RepoCommand.Create(globals, environment));
        root.Add(GcCommand.Create(globals, environment));
        root.Add(BranchProtectCommand.Create(globals, environment));
        root.Add(RefsCommand.Create(globals, environment));
        root.Add(ActionsCommand.Create(globals, environment));
        root.Add(DemoCommand.Create(globals, environment));
        globals.RefuseUnsupportedOutput(root);
        EmptyValueRefusal.AddTo(root);
        return root;
    }

    /// <summary>Parses <paramref name="args"/> and runs the command.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="environment">Standard streams, environment, home directory and clock.</param>
    /// <param name="cancellationToken">Cancelled on Ctrl+C.</param>
    /// <returns>The exit code (see <see cref="ExitCodes"/>).</returns>
    public static Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken) =>
        RunAsync(CreateRootCommand(environment), args, environment, cancellationToken);

    /// <summary>Parses <paramref name="args"/> against <paramref name="root"/> and runs the command: what every command gets.</summary>
    /// <param name="root">The command tree.</param>
    /// <param name="args">The command line.</param>
    /// <param name="environment">Standard streams, environment, home directory and clock.</param>
    /// <param name="cancellationToken">Cancelled on Ctrl+C.</param>
    /// <returns>The exit code (see <see cref="ExitCodes"/>).</returns>
    internal static async Task<int> RunAsync(RootCommand root, string[] args, CliEnvironment environment, CancellationToken cancellationToken)
    {
        ParseResult parseResult;
        try
        {
            parseResult = root.Parse(args);
            if (parseResult.Action is ParseErrorAction)
            {
                return await ReportUsageErrorsAsync(environment, parseResult.Errors.Select(NamingTheOption));
            }
        }
        catch (InvalidOperationException error)
        {
            // A validator that read a value which did not convert: System.CommandLine's message names the option and the value.
            return await ReportUsageErrorsAsync(environment, [error.Message]);
        }

        var configuration = new InvocationConfiguration
        {
            Output = environment.Out,
            Error = environment.Error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        };
        int exitCode;
        try
        {
            exitCode = await parseResult.InvokeAsync(configuration, cancellationToken);
        }
        catch (Exception error)
        {
            // A command's own code failed outside ClientCommand: still one line and an exit code, never a stack trace.
            exitCode = await ErrorReporter.ReportAsync(error, environment.Error, cancellationToken);
        }

        await environment.Out.FlushAsync(CancellationToken.None);
        return exitCode;
    }

    // System.CommandLine's own messages for a value it refuses (not one of a list, say) do not always name the option.
    private static string NamingTheOption(ParseError error)
    {
        var option = error.SymbolResult switch
        {
            OptionResult result => result.Option,
            ArgumentResult { Parent: OptionResult result } => result.Option,
            _ => null,
        };
        return option is null || error.Message.Contains(option.Name, StringComparison.Ordinal)
            ? error.Message
            : $"{option.Name}: {error.Message}";
    }

    // One line per error (usually one), each naming what was wrong; the pointer to the help ends the last one.
    private static async Task<int> ReportUsageErrorsAsync(CliEnvironment environment, IEnumerable<string> errors)
    {
        var lines = errors.Select(ErrorReporter.OneLine).Distinct(StringComparer.Ordinal).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            var hint = i < lines.Count - 1 ? string.Empty
                : (lines[i].EndsWith('.') ? string.Empty : ".") + " Run 'lakefs-runs --help' for usage.";
            await environment.Error.WriteLineAsync($"lakefs-runs: {lines[i]}{hint}");
        }

        return ExitCodes.Usage;
    }
}
