using System.CommandLine;

namespace LakeFs.Actions.Cli.Tests;

/// <summary>
/// What any command gets from <see cref="CliApplication.RunAsync(RootCommand, string[], CliEnvironment, CancellationToken)"/>,
/// even one written without care: a validator that reads a value that did not convert, or an action that throws,
/// ends in exit 2 or the error's exit code and one line, never an unhandled exception.
/// </summary>
public sealed class CommandInfrastructureTests
{
    [Fact]
    public async Task A_validator_reading_an_unconvertible_value_is_a_usage_error_naming_the_option()
    {
        var count = new Option<int>("--count");
        count.Validators.Add(result => { if (result.GetValueOrDefault<int>() < 0) result.AddError("--count must be 0 or more."); });
        var root = new RootCommand { new Command("careless") { count } };
        root.Subcommands[0].SetAction(_ => 0);
        var (exitCode, stderr) = await RunAsync(root, "careless", "--count", "abc");

        Assert.Equal(2, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("lakefs-runs: ", line, StringComparison.Ordinal);
        Assert.Contains("--count", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_action_that_throws_is_one_line_and_an_exit_code()
    {
        var root = new RootCommand { new Command("careless") };
        root.Subcommands[0].SetAction(int (_) => throw new ArgumentException("the thing is wrong", "thing"));

        var (exitCode, stderr) = await RunAsync(root, "careless");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Equal("lakefs-runs: the thing is wrong", stderr.Trim());
    }

    private static async Task<(int ExitCode, string Stderr)> RunAsync(RootCommand root, params string[] args)
    {
        await using var stderr = new StringWriter();
        var environment = new CliEnvironment
        {
            StandardOutput = Stream.Null, Out = TextWriter.Null, Error = stderr, GetEnvironmentVariable = _ => null,
        };
        var exitCode = await CliApplication.RunAsync(root, args, environment, CancellationToken.None);
        return (exitCode, stderr.ToString());
    }
}
