using Microsoft.Extensions.Configuration;

namespace LakeFs.Actions.Samples.Audit;

/// <summary>What to audit: one commit's runs, or the latest runs of a repository.</summary>
internal sealed record AuditRequest(string Repository, string? Commit, int Latest, int TailLines)
{
    /// <summary><c>--html</c>: where to write the HTML report; null for none.</summary>
    public string? HtmlPath { get; init; }

    public const string DefaultRepository = "demo-repo";

    /// <summary>Reads <c>--repository</c>, <c>--commit</c>, <c>--latest</c>, <c>--tail</c> and <c>--html</c> from configuration (the command line).</summary>
    public static AuditRequest FromConfiguration(IConfiguration configuration)
    {
        var repository = configuration["repository"] ?? DefaultRepository;
        if (string.IsNullOrWhiteSpace(repository))
        {
            throw new ArgumentException("--repository must not be empty.", nameof(configuration));
        }

        var html = configuration["html"];
        if (html is not null && string.IsNullOrWhiteSpace(html))
        {
            throw new ArgumentException("--html must name the file to write, e.g. --html report.html.", nameof(configuration));
        }

        return new AuditRequest(
            repository,
            string.IsNullOrWhiteSpace(configuration["commit"]) ? null : configuration["commit"],
            ReadCount(configuration, "latest", 20),
            ReadCount(configuration, "tail", 10))
        {
            HtmlPath = html,
        };
    }

    private static int ReadCount(IConfiguration configuration, string key, int defaultValue)
    {
        var text = configuration[key];
        if (text is null)
        {
            return defaultValue;
        }

        return int.TryParse(text, out var value) && value > 0
            ? value
            : throw new ArgumentException($"--{key} must be a positive whole number, not '{text}'.", nameof(configuration));
    }
}
