
namespace LakeFs.Actions.Cli;

/// <summary>The values of the options every command takes.</summary>
internal sealed record GlobalSettings
{
    /// <summary><c>--endpoint</c>, when given.</summary>
    public Uri? Endpoint { get; init; }

    /// <summary><c>--access-key-id</c>, when given.</summary>
    public string? AccessKeyId { get; init; }

    /// <summary><c>--secret-access-key</c>, when given. Never printed.</summary>
    public string? SecretAccessKey { get; init; }

    /// <summary><c>--output</c>.</summary>
    public OutputFormat Output { get; init; } = OutputFormat.Table;

    /// <summary><c>--max-retries</c>: retries of a throttled or failed request.</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary><c>--demo</c>: use the embedded demo server.</summary>
    public bool Demo { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"Endpoint={Endpoint?.ToString() ?? "(not set)"}, AccessKeyId={AccessKeyId ?? "(not set)"}, SecretAccessKey={(SecretAccessKey is null ? "(not set)" : "***")}, Output={Output}, MaxRetries={MaxRetries}, Demo={Demo}";
}
