using System.Text;
using LakeFs.Actions.Client.Testing;

namespace LakeFs.Actions.Cli.Tests.Infrastructure;

/// <summary>
/// Runs <c>lakefs-runs</c> in-process through <see cref="CliApplication.RunAsync"/>: standard output into
/// memory (as bytes, the text writer and the raw stream sharing it), standard error into a string, an
/// environment of the test's choosing and an empty home directory unless told otherwise.
/// </summary>
public sealed class InProcessCli : IDisposable
{
    private readonly string _emptyHome = Directory.CreateTempSubdirectory("lakefs-runs-home-").FullName;

    /// <summary>Environment variables the CLI sees; none by default.</summary>
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary>Home directory the CLI looks for <c>.lakectl.yaml</c> in; an empty temporary one by default.</summary>
    public string? HomeDirectory { get; set; }

    /// <summary>The folder relative paths start from; the process's current folder when null.</summary>
    public string? WorkingDirectory { get; set; }
    /// <summary>What the CLI reads from standard input (<c>--file -</c>); empty by default.</summary>
    public string Input { get; set; } = string.Empty;

    /// <summary>Pretend standard output is a terminal.</summary>
    public bool OutputIsTerminal { get; set; }

    /// <summary>Pretend standard error is a terminal (long waits then show progress there).</summary>
    public bool ErrorIsTerminal { get; set; }

    /// <summary>The CLI's clock; the system clock by default.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The arguments that point the CLI at <paramref name="emulator"/> with its keys, followed by <paramref name="args"/>.</summary>
    public static string[] Against(LakeFsActionsEmulator emulator, params string[] args) =>
        [.. args, "--endpoint", emulator.Endpoint.ToString(), "--access-key-id", emulator.AccessKeyId, "--secret-access-key", emulator.SecretAccessKey];

    /// <summary>Runs the CLI with <paramref name="args"/>.</summary>
    public async Task<CliResult> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        using var stdout = new MemoryStream();
        await using var stdoutText = new StreamWriter(stdout, new UTF8Encoding(false), bufferSize: 4096, leaveOpen: true);
        await using var stderr = new StringWriter();
        var environment = new CliEnvironment
        {
            StandardOutput = stdout,
            Input = new StringReader(Input),
            Out = stdoutText,
            Error = stderr,
            GetEnvironmentVariable = name => Environment.GetValueOrDefault(name),
            HomeDirectory = HomeDirectory ?? _emptyHome,
            WorkingDirectory = WorkingDirectory,
            OutputIsTerminal = OutputIsTerminal,
            ErrorIsTerminal = ErrorIsTerminal,
            TerminalWidth = OutputIsTerminal ? 160 : null,
            TimeProvider = TimeProvider,
        };

        var exitCode = await CliApplication.RunAsync(args, environment, cancellationToken);
        await stdoutText.FlushAsync(CancellationToken.None);
        return new CliResult(exitCode, stdout.ToArray(), stderr.ToString());
    }

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(_emptyHome, recursive: true);
}
