using System.CommandLine;
using LakeFs.Actions.Client;
using LakeFs.Actions.Client.Testing;

namespace LakeFs.Actions.Cli;

/// <summary>
/// <c>lakefs-runs demo</c>: keeps the embedded demo server running and prints the <c>LAKECTL_*</c> settings that
/// point another shell (lakefs-runs, the audit, lakectl, your program) at it, so that state-changing commands
/// (repo create, gc set, branch-protect add, refs dump) can be tried one after another against the same server.
/// </summary>
internal static class DemoCommand
{
    public const string Description = """
        Start the embedded demo server (repositories demo-repo and analytics; storage namespaces
        under s3://) and keep it running until standard input closes (Ctrl+D) or Ctrl+C.
        demo-repo runs real hooks: a commit whose message contains WIP is refused by a webhook.
        Prints the settings another shell needs, one NAME=value line each, e.g.
          lakefs-runs demo | tee demo.env     then in another shell:   set -a; . ./demo.env; set +a
        """;

    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var command = new Command("demo", Description);
        command.SetAction((parseResult, cancellationToken) => RunAsync(environment, cancellationToken));
        return globals.Writes(command, OutputFormat.Table);
    }

    private static async Task<int> RunAsync(CliEnvironment environment, CancellationToken cancellationToken)
    {
        await using var server = await DemoServer.StartAsync(environment, cancellationToken);
        await server.SeedDemoActionsAsync(cancellationToken);
        await environment.Out.WriteLineAsync($"{LakectlConfiguration.EndpointVariable}={server.Endpoint}");
        await environment.Out.WriteLineAsync($"{LakectlConfiguration.AccessKeyIdVariable}={server.AccessKeyId}");
        await environment.Out.WriteLineAsync($"{LakectlConfiguration.SecretAccessKeyVariable}={server.SecretAccessKey}");
        await environment.Out.FlushAsync(cancellationToken);
        await environment.Error.WriteLineAsync(
            $"lakefs-runs: demo server running at {server.Endpoint} with repositories '{LakeFsActionsEmulator.DemoRepository}' and 'analytics'; " +
            "set the variables above in another shell. Stop with Ctrl+C, or close standard input.");
        await environment.Error.WriteLineAsync(
            $"lakefs-runs: '{LakeFsActionsEmulator.DemoRepository}' runs real hooks (_lakefs_actions/ on main): commit to it (lakectl, or the client) " +
            "with a message containing WIP and the pre-commit webhook refuses it; 'lakefs-runs list demo-repo' then shows the runs.");

        // Runs until standard input ends or Ctrl+C; a read blocked on a terminal does not see the token, so wait for either.
        var endOfInput = DrainAsync(environment.Input);
        var interrupted = Task.Delay(Timeout.Infinite, cancellationToken);
        await Task.WhenAny(endOfInput, interrupted);
        await environment.Error.WriteLineAsync("lakefs-runs: demo server stopped.");
        return ExitCodes.Success;
    }

    private static async Task DrainAsync(TextReader input)
    {
        var buffer = new char[256];
        try
        {
            while (await input.ReadAsync(buffer) > 0)
            {
            }
        }
        catch (IOException)
        {
            // Standard input went away: the same as closing it.
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
