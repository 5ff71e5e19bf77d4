using System.Diagnostics;
using System.Text;

namespace LakeFs.Actions.Cli.Tests.Infrastructure;

/// <summary>
/// Runs a built program of this repository (<c>lakefs-runs</c>, the audit) as a user does: <c>dotnet program.dll</c>
/// in a child process, with an environment the test controls: an empty temporary home, no <c>LAKECTL_*</c>
/// variables, no <c>CI</c>, no colours, plus what the test adds. The exit code and both streams come back apart.
/// </summary>
public sealed class ProgramProcess : IDisposable
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);

    private readonly string _program;

    private ProgramProcess(string program)
    {
        _program = Path.Combine(AppContext.BaseDirectory, program);
        Environment["HOME"] = Home;
        Environment["USERPROFILE"] = Home;
        Environment["NO_COLOR"] = "1";
        Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        Environment["CI"] = null;
        foreach (var name in System.Environment.GetEnvironmentVariables().Keys.Cast<string>()
                     .Where(n => n.StartsWith("LAKECTL_", StringComparison.OrdinalIgnoreCase) || n.StartsWith("LakeFs__", StringComparison.OrdinalIgnoreCase)))
        {
            Environment[name] = null;
        }
    }

    /// <summary><c>lakefs-runs</c>, as built next to the tests.</summary>
    public static ProgramProcess LakeFsRuns() => new("lakefs-runs.dll");

    /// <summary>The audit sample, as built next to the tests.</summary>
    public static ProgramProcess Audit() => new("LakeFs.Actions.Samples.Audit.dll");

    /// <summary>The child's home directory: empty, unless the test writes a <c>.lakectl.yaml</c> there.</summary>
    public string Home { get; } = Directory.CreateTempSubdirectory("lakefs-process-home-").FullName;

    /// <summary>Variables to set (a value) or remove (null) in the child's environment.</summary>
    public Dictionary<string, string?> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary>Runs the program to its end with <paramref name="args"/>; standard input is <paramref name="input"/>, then closed.</summary>
    public async Task<ProcessResult> RunAsync(string[] args, string input = "")
    {
        using var process = Start(args);
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await WaitAsync(process, args);
        return new ProcessResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts the program with <paramref name="args"/> and redirected streams; the caller drives it.</summary>
    public Process Start(string[] args)
    {
        var start = new ProcessStartInfo(System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Home,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            UseShellExecute = false,
        };
        start.ArgumentList.Add(_program);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in Environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        return Process.Start(start) ?? throw new InvalidOperationException($"Could not start {_program}.");
    }

    /// <summary>Waits for <paramref name="process"/> to end; kills it after a generous guard (a hang is a failure, not a wait).</summary>
    public static async Task WaitAsync(Process process, string[] args)
    {
        using var guard = new CancellationTokenSource(HangGuard);
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{string.Join(' ', args)} did not finish within {HangGuard}.");
        }
    }

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(Home, recursive: true);
}

/// <summary>Exit code, standard output and standard error of a child process.</summary>
public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>The non-empty lines of standard error.</summary>
    public IReadOnlyList<string> StderrLines => Stderr.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The non-empty lines of standard output.</summary>
    public IReadOnlyList<string> StdoutLines => Stdout.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>True when standard error shows signs of a crash: a stack trace or an unhandled exception.</summary>
    public bool LooksLikeACrash => Stderr.Contains("Unhandled exception", StringComparison.Ordinal)
        || Stderr.Contains("   at ", StringComparison.Ordinal) || ExitCode == 134;

    /// <inheritdoc />
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}
