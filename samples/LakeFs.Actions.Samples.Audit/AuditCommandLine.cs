using System.Globalization;

namespace LakeFs.Actions.Samples.Audit;

/// <summary>
/// The audit's command line: its options and nothing else (not the environment, not configuration files), so that a
/// variable such as <c>COMMIT</c> or <c>LATEST</c> never changes what is audited.
/// </summary>
internal sealed record AuditCommandLine(AuditRequest Request, bool ShowHelp, bool Demo)
{
    public const string Usage = """
        Usage: audit [--repository ID] [--commit SHA | --latest N] [--tail N] [--html FILE] [--demo]

        Lists the action runs of a commit (or the latest N runs) of a lakeFS repository, reports each,
        and prints each failed hook with its times and the tail of its output.

          --repository ID  repository to audit (default: demo-repo)
          --commit SHA     audit the runs of this commit (full id or abbreviation)
          --latest N       audit the latest N runs (default: 20; ignored with --commit)
          --tail N         lines of each failed hook's output to show (default: 10)
          --html FILE      also write a self-contained HTML report to FILE
          --demo           use the embedded demo server, even where lakeFS is configured or CI is set
          -h, --help       show this help and exit

        Connection: the "LakeFs" configuration section (appsettings.json, or variables such as
        LakeFs__Endpoint, LakeFs__AccessKeyId, LakeFs__SecretAccessKey), else LAKECTL_SERVER_ENDPOINT_URL,
        LAKECTL_CREDENTIALS_ACCESS_KEY_ID and LAKECTL_CREDENTIALS_SECRET_ACCESS_KEY, else ~/.lakectl.yaml.
        With none of them, the embedded demo server is used, except when CI is set (then pass --demo).

        Exit codes: 0 every audited run passed; 1 a run failed (the HTML report is still written);
        2 usage, configuration, connection or API error, or the report could not be written; 130 interrupted.
        """;

    private static readonly string[] ValueOptions = ["repository", "commit", "latest", "tail", "html"];

    /// <summary>Reads <paramref name="args"/>: <c>--name value</c> or <c>--name=value</c>.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>What to do.</returns>
    /// <exception cref="FormatException">An unknown option, a missing or bad value; the message names the option.</exception>
    public static AuditCommandLine Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        bool help = false, demo = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help" or "-?")
            {
                help = true;
                continue;
            }

            if (arg == "--demo")
            {
                demo = true;
                continue;
            }

            var (name, inlineValue) = arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=', StringComparison.Ordinal) is var equals and > 2
                ? (arg[2..equals], arg[(equals + 1)..])
                : (arg.StartsWith("--", StringComparison.Ordinal) ? arg[2..] : null, null);
            if (name is null || !ValueOptions.Contains(name))
            {
                throw new FormatException(arg.StartsWith('-') ? $"unknown option '{arg}'." : $"unexpected argument '{arg}'.");
            }

            if (values.ContainsKey(name))
            {
                throw new FormatException($"--{name} is given more than once.");
            }

            var value = inlineValue ?? (i + 1 < args.Count ? args[++i] : throw new FormatException($"--{name} needs a value."));
            values[name] = value;
        }

        var repository = values.GetValueOrDefault("repository", AuditRequest.DefaultRepository);
        if (string.IsNullOrWhiteSpace(repository))
        {
            throw new FormatException("--repository must not be empty.");
        }

        if (values.TryGetValue("html", out var html) && string.IsNullOrWhiteSpace(html))
        {
            throw new FormatException("--html must name the file to write, e.g. --html report.html.");
        }

        var commit = values.GetValueOrDefault("commit");
        if (commit is not null && string.IsNullOrWhiteSpace(commit))
        {
            throw new FormatException("--commit must not be empty.");
        }

        var request = new AuditRequest(repository, commit, Count(values, "latest", 20), Count(values, "tail", 10)) { HtmlPath = html };
        return new AuditCommandLine(request, help, demo);
    }

    private static int Count(Dictionary<string, string> values, string name, int defaultValue)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return defaultValue;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new FormatException($"--{name} must be a positive whole number, not '{text}'.");
    }
}
