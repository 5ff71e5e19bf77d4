using System.Text;
using System.Text.Json;

namespace LakeFs.Actions.Cli.Tests.Infrastructure;

/// <summary>What one in-process run of <c>lakefs-runs</c> produced.</summary>
public sealed record CliResult(int ExitCode, byte[] StdoutBytes, string Stderr)
{
    /// <summary>Standard output decoded as UTF-8.</summary>
    public string Stdout => Encoding.UTF8.GetString(StdoutBytes);

    /// <summary>The lines of standard output, without the final empty one.</summary>
    public IReadOnlyList<string> StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Standard output parsed as one JSON object per line.</summary>
    public IReadOnlyList<JsonElement> JsonLines => [.. StdoutLines.Select(line => JsonDocument.Parse(line).RootElement.Clone())];

    /// <inheritdoc />
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}
