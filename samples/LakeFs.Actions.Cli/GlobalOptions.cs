using System.CommandLine;
using LakeFs.Actions.Cli.Output;

namespace LakeFs.Actions.Cli;

/// <summary>The options every command takes: where lakeFS is, how to log in, how to print.</summary>
internal sealed class GlobalOptions
{
    public Option<Uri?> Endpoint { get; } = new("--endpoint")
    {
        Description = "lakeFS server URL, e.g. https://lakefs.example.com (default: $LAKECTL_SERVER_ENDPOINT_URL, then server.endpoint_url in ~/.lakectl.yaml).",
        HelpName = "url",
        Recursive = true,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            {
                return uri;
            }

            result.AddError($"--endpoint must be an absolute http or https URL (was '{text}').");
            return null;
        },
    };

    public Option<string?> AccessKeyId { get; } = new("--access-key-id")
    {
        Description = "Access key id (default: $LAKECTL_CREDENTIALS_ACCESS_KEY_ID, then credentials.access_key_id in ~/.lakectl.yaml).",
        HelpName = "key",
        Recursive = true,
    };

    public Option<string?> SecretAccessKey { get; } = new("--secret-access-key")
    {
        Description = "Secret access key (default: $LAKECTL_CREDENTIALS_SECRET_ACCESS_KEY, then credentials.secret_access_key in ~/.lakectl.yaml).",
        HelpName = "secret",
        Recursive = true,
    };

    public Option<string> Output { get; } = new Option<string>("--output", "-o")
    {
        Description = "Output format: table (aligned, coloured on a terminal), json (one object per line; view: one object) or markdown (a job summary: runs table, failed hooks with the tail of their logs; for $GITHUB_STEP_SUMMARY).",
        HelpName = "table|json|markdown",
        Recursive = true,
        DefaultValueFactory = _ => "table",
    }.AcceptOnlyFromAmong("table", "json", "markdown");

    public Option<int> MaxRetries { get; } = new("--max-retries")
    {
        Description = "Retries of a throttled (420/429/503) or transiently failed request before giving up.",
        HelpName = "n",
        Recursive = true,
        DefaultValueFactory = _ => 4,
        Validators = { result => { if (result.GetValueOrDefault<int>() < 0) result.AddError("--max-retries must be 0 or more."); } },
    };

    public void AddTo(Command root)
    {
        root.Add(Endpoint);
        root.Add(AccessKeyId);
        root.Add(SecretAccessKey);
        root.Add(Output);
        root.Add(MaxRetries);
    }

    public GlobalSettings Read(ParseResult parseResult) => new()
    {
        Endpoint = parseResult.GetValue(Endpoint),
        AccessKeyId = NullIfEmpty(parseResult.GetValue(AccessKeyId)),
        SecretAccessKey = NullIfEmpty(parseResult.GetValue(SecretAccessKey)),
        Output = parseResult.GetValue(Output) switch
        {
            "json" => OutputFormat.Json,
            "markdown" => OutputFormat.Markdown,
            _ => OutputFormat.Table,
        },
        MaxRetries = parseResult.GetValue(MaxRetries),
    };

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
