using System.Diagnostics;
using System.Text;

namespace LakeFs.Actions.Client.Package.Tests;

/// <summary>Runs the <c>dotnet</c> command line (or a shell script calling it) as a child process, as a user would in a terminal.</summary>
internal static class DotNetCli
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(5);

    // Set by `dotnet test` for the test host; a nested build must find its own MSBuild, not inherit these.
    private static readonly string[] InheritedBuildVariables =
        ["MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly", "VSTEST_HOST_DEBUG"];

    public static Task<DotNetResult> RunAsync(string workingDirectory, params string[] arguments) =>
        RunProgramAsync(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", workingDirectory, new Dictionary<string, string?>(), HangGuard, arguments);

    /// <summary>
    /// Runs <paramref name="fileName"/> with the test host's build variables removed and <paramref name="environment"/>
    /// applied (a null value removes the variable); standard output and error are combined.
    /// </summary>
    public static async Task<DotNetResult> RunProgramAsync(
        string fileName, string workingDirectory, IReadOnlyDictionary<string, string?> environment, TimeSpan hangGuard, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var variable in InheritedBuildVariables)
        {
            start.Environment.Remove(variable);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment)
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

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var guard = new CancellationTokenSource(hangGuard);
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {hangGuard}:\n{output}");
        }

        process.WaitForExit(); // flushes the redirected streams
        lock (output)
        {
            return new DotNetResult(process.ExitCode, output.ToString());
        }
    }
}

/// <summary>Exit code and combined output of a <c>dotnet</c> command.</summary>
internal sealed record DotNetResult(int ExitCode, string Output);
