using System.CommandLine;
using System.CommandLine.Invocation;
using LakeFs.Actions.Cli.Commands;
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
        With none of them, an embedded demo server with the repository demo-repo is started.

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
        return root;
    }

    /// <summary>Parses <paramref name="args"/> and runs the command.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="environment">Standard streams, environment, home directory and clock.</param>
    /// <param name="cancellationToken">Cancelled on Ctrl+C.</param>
    /// <returns>The exit code (see <see cref="ExitCodes"/>).</returns>
    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken)
    {
        var parseResult = CreateRootCommand(environment).Parse(args);
        if (parseResult.Action is ParseErrorAction)
        {
            foreach (var error in parseResult.Errors)
            {
                await environment.Error.WriteLineAsync($"lakefs-runs: {error.Message}");
            }

            await environment.Error.WriteLineAsync("Run 'lakefs-runs --help' for usage.");
            return ExitCodes.Usage;
        }

        var configuration = new InvocationConfiguration
        {
            Output = environment.Out,
            Error = environment.Error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        };
        var exitCode = await parseResult.InvokeAsync(configuration, cancellationToken);
        await environment.Out.FlushAsync(CancellationToken.None);
        return exitCode;
    }
}
