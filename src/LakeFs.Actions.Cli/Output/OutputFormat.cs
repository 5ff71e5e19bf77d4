namespace LakeFs.Actions.Cli;

/// <summary>The value of <c>--output</c>.</summary>
internal enum OutputFormat
{
    /// <summary>An aligned table for people; coloured statuses on a terminal.</summary>
    Table,

    /// <summary>JSON with lakeFS's wire field names: one object per line (<c>view</c>: one object).</summary>
    Json,

    /// <summary>GitHub-flavoured markdown for CI job summaries: a table of runs, failed hooks with the tail of their logs.</summary>
    Markdown,
}
