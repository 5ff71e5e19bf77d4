using System.CommandLine;

namespace LakeFs.Actions.Cli.Tests.Infrastructure;

/// <summary>The real <c>lakefs-runs</c> command tree, for tests that go through every command (including those added later).</summary>
public static class CommandTree
{
    /// <summary>The root command, built as the CLI builds it (with an environment that is never used).</summary>
    public static RootCommand Root() => CliApplication.CreateRootCommand(new CliEnvironment
    {
        StandardOutput = Stream.Null, Out = TextWriter.Null, Error = TextWriter.Null, GetEnvironmentVariable = _ => null,
    });

    /// <summary><paramref name="command"/> and every command under it, each with its path of names below the root ("" for the root, "repo create").</summary>
    public static IEnumerable<(Command Command, string Path)> Walk(Command command, string path = "") =>
        command.Subcommands.SelectMany(sub => Walk(sub, (path + " " + sub.Name).Trim())).Prepend((command, path));
}
