using System.CommandLine;

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
        Description = "Output format: table (aligned, coloured on a terminal), json (one object per line, none for an empty result; view: one object) or markdown (a job summary for $GITHUB_STEP_SUMMARY: list, view and watch show the runs and the tail of failed hooks' logs; explain and actions write theirs; other commands refuse it).",
        HelpName = "table|json|markdown",
        Recursive = true,
        DefaultValueFactory = _ => "table",
    }.AcceptOnlyFromAmong("table", "json", "markdown");

    public Option<int> MaxRetries { get; } = MaxRetriesOption();

    public Option<bool> Demo { get; } = new("--demo")
    {
        Description = "Use the embedded demo server (repositories demo-repo and analytics), even where a server is configured or CI is set.",
        Recursive = true,
    };

    // The formats each command writes; a command not listed here writes table and json.
    private readonly Dictionary<Command, OutputFormat[]> _formats = [];

    public void AddTo(Command root)
    {
        root.Add(Endpoint);
        root.Add(AccessKeyId);
        root.Add(SecretAccessKey);
        root.Add(Output);
        root.Add(MaxRetries);
        root.Add(Demo);
    }

    /// <summary>Declares the output formats <paramref name="command"/> writes; any other <c>--output</c> is refused (exit 2).</summary>
    /// <param name="command">A command with an action.</param>
    /// <param name="formats">The formats it writes.</param>
    /// <returns><paramref name="command"/>.</returns>
    public Command Writes(Command command, params OutputFormat[] formats)
    {
        _formats[command] = formats;
        return command;
    }

    /// <summary>
    /// Makes every command under <paramref name="root"/> that runs something refuse an <c>--output</c> it cannot write:
    /// the formats declared with <see cref="Writes"/>, else table and json. Call once the tree is complete.
    /// </summary>
    /// <param name="root">The root command.</param>
    public void RefuseUnsupportedOutput(Command root)
    {
        foreach (var (command, path) in Descendants(root, "lakefs-runs").Where(c => c.Command.Action is not null))
        {
            var formats = _formats.GetValueOrDefault(command, [OutputFormat.Table, OutputFormat.Json]);
            command.Validators.Add(result =>
            {
                // The raw token: reading the value would throw when --output itself is invalid (an error reported already).
                if (result.GetResult(Output) is { Tokens: [{ Value: var text }] } && FormatOf(text) is { } format && !formats.Contains(format))
                {
                    var supported = string.Join(" or ", formats.Select(f => f.ToString().ToLowerInvariant()));
                    result.AddError($"'{path}' cannot write --output {text}: use {supported}.");
                }
            });
        }
    }

    public GlobalSettings Read(ParseResult parseResult) => new()
    {
        Endpoint = parseResult.GetValue(Endpoint),
        AccessKeyId = NullIfEmpty(parseResult.GetValue(AccessKeyId)),
        SecretAccessKey = NullIfEmpty(parseResult.GetValue(SecretAccessKey)),
        Output = FormatOf(parseResult.GetValue(Output)) ?? OutputFormat.Table,
        MaxRetries = parseResult.GetValue(MaxRetries),
        Demo = parseResult.GetValue(Demo),
    };

    private static OutputFormat? FormatOf(string? text) => text switch
    {
        "table" => OutputFormat.Table,
        "json" => OutputFormat.Json,
        "markdown" => OutputFormat.Markdown,
        _ => null,
    };

    private static IEnumerable<(Command Command, string Path)> Descendants(Command command, string path) =>
        command.Subcommands.SelectMany(sub => Descendants(sub, $"{path} {sub.Name}")).Prepend((command, path));

    private static Option<int> MaxRetriesOption()
    {
        var option = IntegerOption.Create("--max-retries", "Retries of a throttled (420/429/503) or transiently failed request before giving up.", 4, minimum: 0);
        option.Recursive = true;
        return option;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
