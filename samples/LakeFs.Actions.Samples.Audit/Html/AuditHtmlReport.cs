using System.Globalization;
using System.Text;
using LakeFs.Actions.Client;
using static LakeFs.Actions.Samples.Audit.Html.HtmlText;

namespace LakeFs.Actions.Samples.Audit.Html;

/// <summary>
/// The audit as one self-contained HTML page: totals, runs over time by status (an inline SVG bar chart), failure
/// rate per action and per hook, the slowest hooks, and every failed hook with the tail of its log. Inline CSS and
/// SVG only: no script, no external stylesheet, font or image, so it opens from a CI artifact or a mail attachment.
/// Everything from the server is escaped (<see cref="HtmlText"/>); the markup is also well-formed XML, which the
/// tests parse.
/// </summary>
internal static class AuditHtmlReport
{
    /// <summary>How many of the slowest hook runs are listed.</summary>
    public const int SlowestCount = 10;

    private const double ChartWidth = 960, ChartHeight = 260, Left = 44, Right = 12, Top = 14, Bottom = 44;

    private const string Css = """
        :root { color-scheme: light; --ok: #1a7f37; --fail: #cf222e; --skip: #8c959f; --other: #bf8700; --line: #d0d7de; --muted: #57606a; }
        * { box-sizing: border-box; }
        body { margin: 0; padding: 24px 32px 48px; font: 14px/1.45 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1f2328; background: #ffffff; }
        header h1 { margin: 0 0 4px; font-size: 24px; }
        header p { margin: 0; color: var(--muted); }
        .totals { display: flex; flex-wrap: wrap; gap: 12px; margin: 20px 0 8px; padding: 0; list-style: none; }
        .totals li { min-width: 150px; padding: 10px 14px; border: 1px solid var(--line); border-radius: 8px; }
        .totals b { display: block; font-size: 26px; }
        .totals .bad b { color: var(--fail); }
        section { margin-top: 28px; }
        h2 { font-size: 18px; margin: 0 0 10px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
        h3 { font-size: 15px; margin: 0 0 4px; }
        table { border-collapse: collapse; width: 100%; margin-bottom: 14px; }
        th, td { text-align: left; padding: 5px 10px; border-bottom: 1px solid var(--line); vertical-align: middle; }
        th { background: #f6f8fa; font-weight: 600; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        code { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
        .status { font-weight: 600; }
        .status.completed { color: var(--ok); }
        .status.failed { color: var(--fail); }
        .status.skipped { color: var(--skip); }
        .legend { display: flex; gap: 16px; margin: 4px 0 0; padding: 0; list-style: none; color: var(--muted); }
        .legend span { display: inline-block; width: 12px; height: 12px; margin-right: 6px; border-radius: 2px; vertical-align: -1px; }
        svg.chart { display: block; max-width: 1100px; height: auto; }
        svg text { font: 11px -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; fill: var(--muted); }
        .failure { margin: 0 0 18px; padding: 12px 14px; border: 1px solid var(--line); border-left: 4px solid var(--fail); border-radius: 6px; }
        .failure p { margin: 0 0 8px; color: var(--muted); }
        pre { margin: 0; padding: 10px 12px; overflow-x: auto; background: #f6f8fa; border-radius: 6px; font: 12px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; white-space: pre-wrap; word-break: break-all; }
        .empty { color: var(--muted); font-style: italic; }
        """;

    /// <summary>Writes the report of <paramref name="findings"/> to <paramref name="output"/>.</summary>
    /// <param name="findings">What the audit found.</param>
    /// <param name="output">Where the HTML goes (UTF-8 when it is a file).</param>
    /// <param name="generatedAt">The time shown as the report's date.</param>
    public static async Task WriteAsync(AuditFindings findings, TextWriter output, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteAsync(Render(findings, generatedAt));
        await output.FlushAsync();
    }

    /// <summary>The report of <paramref name="findings"/> as a string.</summary>
    public static string Render(AuditFindings findings, DateTimeOffset generatedAt)
    {
        var html = new StringBuilder(64 * 1024);
        var request = findings.Request;
        var scope = request.Commit is null ? $"the latest {request.Latest} runs" : $"the runs of commit {request.Commit}";
        var report = findings.Report;

        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
            .Append("<title>lakeFS hook audit: ").Append(Escape(request.Repository)).Append("</title>\n")
            .Append("<style>\n").Append(Css).Append("\n</style>\n</head>\n<body>\n");

        html.Append("<header>\n<h1>lakeFS hook audit: ").Append(Escape(request.Repository)).Append("</h1>\n")
            .Append("<p>").Append(Escape(scope)).Append(", generated ").Append(Time(generatedAt)).Append(" UTC</p>\n")
            .Append("<ul class=\"totals\">\n")
            .Append("<li><b>").Append(report.Runs).Append("</b>runs</li>\n")
            .Append("<li class=\"").Append(report.FailedRuns > 0 ? "bad" : "good").Append("\"><b>").Append(report.FailedRuns).Append("</b>failed runs</li>\n")
            .Append("<li class=\"").Append(report.FailedHooks > 0 ? "bad" : "good").Append("\"><b>").Append(report.FailedHooks).Append("</b>failed hooks</li>\n")
            .Append("<li><b>").Append(report.SkippedHooks).Append("</b>skipped hooks</li>\n")
            .Append("</ul>\n</header>\n");

        AppendTimeline(html, RunTimeline.Of([.. findings.Runs.Select(r => r.Run)]));
        AppendFailureRates(html, findings.Runs);
        AppendSlowest(html, findings.Runs);
        AppendFailures(html, findings.Runs);

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendTimeline(StringBuilder html, RunTimeline timeline)
    {
        html.Append("<section id=\"runs-over-time\">\n<h2>Runs over time</h2>\n");
        if (timeline.Buckets.Count == 0)
        {
            html.Append("<p class=\"empty\">No runs.</p>\n</section>\n");
            return;
        }

        var plotWidth = ChartWidth - Left - Right;
        var plotHeight = ChartHeight - Top - Bottom;
        var max = Math.Max(1, timeline.Buckets.Max(b => b.Total));
        var slot = plotWidth / timeline.Buckets.Count;
        var barWidth = Math.Max(1, slot * 0.72);
        var labelEvery = (int)Math.Ceiling(timeline.Buckets.Count / 12.0);

        html.Append("<svg class=\"chart\" role=\"img\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" viewBox=\"0 0 ").Append(Number(ChartWidth)).Append(' ').Append(Number(ChartHeight)).Append("\">\n")
            .Append("<title>Runs per ").Append(Escape(BucketName(timeline.BucketSize))).Append(" by status</title>\n");

        var step = Math.Max(1, (int)Math.Ceiling(max / 4.0));
        foreach (var tick in Enumerable.Range(0, (max / step) + 1).Select(i => i * step).Append(max).Distinct())
        {
            var y = Top + plotHeight - (plotHeight * tick / max);
            html.Append("<line x1=\"").Append(Number(Left)).Append("\" x2=\"").Append(Number(ChartWidth - Right)).Append("\" y1=\"").Append(Number(y))
                .Append("\" y2=\"").Append(Number(y)).Append("\" stroke=\"#d0d7de\" stroke-width=\"1\" />\n")
                .Append("<text x=\"").Append(Number(Left - 8)).Append("\" y=\"").Append(Number(y + 4)).Append("\" text-anchor=\"end\">").Append(tick).Append("</text>\n");
        }

        for (var i = 0; i < timeline.Buckets.Count; i++)
        {
            var bucket = timeline.Buckets[i];
            var x = Left + (slot * i) + ((slot - barWidth) / 2);
            html.Append("<g class=\"bucket\" data-start=\"").Append(bucket.Start.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)).Append("\">\n");
            var bottom = Top + plotHeight;
            foreach (var status in timeline.Statuses)
            {
                if (bucket.Counts.GetValueOrDefault(status) is var count and > 0)
                {
                    var height = plotHeight * count / max;
                    bottom -= height;
                    html.Append("<rect class=\"bar\" data-status=\"").Append(Escape(status)).Append("\" data-count=\"").Append(count)
                        .Append("\" x=\"").Append(Number(x)).Append("\" y=\"").Append(Number(bottom)).Append("\" width=\"").Append(Number(barWidth))
                        .Append("\" height=\"").Append(Number(height)).Append("\" fill=\"").Append(ColorOf(status)).Append("\">")
                        .Append("<title>").Append(Time(bucket.Start)).Append(": ").Append(count).Append(' ').Append(Escape(status)).Append("</title></rect>\n");
                }
            }

            if (i % labelEvery == 0)
            {
                html.Append("<text x=\"").Append(Number(x + (barWidth / 2))).Append("\" y=\"").Append(Number(ChartHeight - Bottom + 16))
                    .Append("\" text-anchor=\"middle\">").Append(Label(bucket.Start, timeline.BucketSize)).Append("</text>\n");
            }

            html.Append("</g>\n");
        }

        html.Append("<text x=\"").Append(Number(Left)).Append("\" y=\"").Append(Number(ChartHeight - 6)).Append("\">UTC, one bar per ")
            .Append(Escape(BucketName(timeline.BucketSize))).Append("</text>\n</svg>\n");

        html.Append("<ul class=\"legend\">\n");
        foreach (var status in timeline.Statuses)
        {
            html.Append("<li><span style=\"background:").Append(ColorOf(status)).Append("\"></span>").Append(Escape(status)).Append("</li>\n");
        }

        html.Append("</ul>\n</section>\n");
    }

    private static void AppendFailureRates(StringBuilder html, IReadOnlyList<AuditedRun> runs)
    {
        html.Append("<section id=\"failure-rate\">\n<h2>Failure rate per action and hook</h2>\n");
        var perAction = FailureRate.PerAction(runs);
        if (perAction.Count == 0)
        {
            html.Append("<p class=\"empty\">No hooks ran.</p>\n</section>\n");
            return;
        }

        AppendRateTable(html, "per-action", "Action", perAction);
        AppendRateTable(html, "per-hook", "Hook", FailureRate.PerHook(runs));
        html.Append("</section>\n");
    }

    private static void AppendRateTable(StringBuilder html, string id, string what, IReadOnlyList<FailureRate> rates)
    {
        html.Append("<table id=\"").Append(id).Append("\">\n<thead><tr><th>").Append(what)
            .Append("</th><th>Ran</th><th>Failed</th><th>Skipped</th><th>Failure rate</th><th></th></tr></thead>\n<tbody>\n");
        foreach (var rate in rates)
        {
            var name = rate.Hook is null ? rate.Action : $"{rate.Action}/{rate.Hook}";
            var percent = rate.Rate is { } r ? r.ToString("0%", CultureInfo.InvariantCulture) : "-";
            html.Append("<tr><td><code>").Append(Escape(name)).Append("</code></td><td class=\"num\">").Append(rate.Executions)
                .Append("</td><td class=\"num\">").Append(rate.Failed).Append("</td><td class=\"num\">").Append(rate.Skipped)
                .Append("</td><td class=\"num\">").Append(percent).Append("</td><td>")
                .Append(Bar(rate.Rate ?? 0, rate.Failed > 0 ? "#cf222e" : "#1a7f37", rate.Failed > 0 ? 1 : 0)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void AppendSlowest(StringBuilder html, IReadOnlyList<AuditedRun> runs)
    {
        html.Append("<section id=\"slowest-hooks\">\n<h2>Slowest hooks</h2>\n");
        var slowest = runs.SelectMany(run => run.Hooks.Where(h => h.Duration is not null).Select(hook => (run.Run, Hook: hook)))
            .OrderByDescending(x => x.Hook.Duration).ThenBy(x => x.Run.RunId, StringComparer.Ordinal).ThenBy(x => x.Hook.Hook.HookRunId, StringComparer.Ordinal)
            .Take(SlowestCount).ToList();
        if (slowest.Count == 0)
        {
            html.Append("<p class=\"empty\">No hook has both a start and an end time.</p>\n</section>\n");
            return;
        }

        var longest = slowest[0].Hook.Duration!.Value.TotalMilliseconds;
        html.Append("<table>\n<thead><tr><th>Hook</th><th>Run</th><th>Event</th><th>Status</th><th>Started (UTC)</th><th>Duration</th><th></th></tr></thead>\n<tbody>\n");
        foreach (var (run, hook) in slowest)
        {
            var duration = hook.Duration!.Value;
            html.Append("<tr><td><code>").Append(Escape($"{hook.Hook.Action}/{hook.Hook.HookId}")).Append("</code></td><td><code>").Append(Escape(run.RunId))
                .Append("</code></td><td>").Append(Escape(run.EventType)).Append("</td><td>").Append(StatusSpan(hook.Hook.Status.Value))
                .Append("</td><td>").Append(Time(hook.Hook.StartTime)).Append("</td><td class=\"num\">").Append(Duration(duration)).Append("</td><td>")
                .Append(Bar(longest <= 0 ? 0 : duration.TotalMilliseconds / longest, "#0969da", 1)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void AppendFailures(StringBuilder html, IReadOnlyList<AuditedRun> runs)
    {
        html.Append("<section id=\"failed-hooks\">\n<h2>Failed hooks</h2>\n");
        var failures = runs.SelectMany(run => run.Hooks.Where(h => h.Hook.Status == HookStatus.Failed).Select(hook => (run.Run, Hook: hook))).ToList();
        if (failures.Count == 0)
        {
            html.Append("<p class=\"empty\">No hook failed.</p>\n</section>\n");
            return;
        }

        foreach (var (run, hook) in failures)
        {
            html.Append("<article class=\"failure\">\n<h3><code>").Append(Escape($"{hook.Hook.Action}/{hook.Hook.HookId}")).Append("</code></h3>\n")
                .Append("<p>run <code>").Append(Escape(run.RunId)).Append("</code>, hook run <code>").Append(Escape(hook.Hook.HookRunId))
                .Append("</code> · ").Append(Escape(run.EventType)).Append(" on ").Append(Escape(run.Branch))
                .Append(", commit <code>").Append(Escape(run.CommitId.Length > 12 ? run.CommitId[..12] : run.CommitId)).Append("</code>")
                .Append(" · started ").Append(Time(hook.Hook.StartTime)).Append(" UTC, took ").Append(Duration(hook.Duration)).Append("</p>\n");
            if (hook.LogTail.Count == 0)
            {
                html.Append("<p class=\"empty\">(no output)</p>\n");
            }
            else
            {
                html.Append("<pre>").Append(Escape(string.Join('\n', hook.LogTail))).Append("</pre>\n");
            }

            html.Append("</article>\n");
        }

        html.Append("</section>\n");
    }

    private static string Bar(double fraction, string color, double minimum)
    {
        var width = Math.Clamp(fraction, 0, 1) * 160;
        return $"<svg class=\"bar\" width=\"160\" height=\"12\" viewBox=\"0 0 160 12\"><rect width=\"160\" height=\"12\" rx=\"2\" fill=\"#eaeef2\" /><rect width=\"{Number(Math.Max(width, width > 0 ? minimum : 0))}\" height=\"12\" rx=\"2\" fill=\"{color}\" /></svg>";
    }

    private static string StatusSpan(string status) => $"<span class=\"status {Escape(status.ToLowerInvariant())}\">{Escape(status)}</span>";

    private static string ColorOf(string status) => status switch
    {
        "completed" => "#1a7f37",
        "failed" => "#cf222e",
        "skipped" => "#8c959f",
        _ => "#bf8700",
    };

    private static string BucketName(TimeSpan size) => size switch
    {
        { TotalDays: >= 1 } when size.TotalDays % 1 == 0 => size.TotalDays == 1 ? "day" : $"{size.TotalDays:0} days",
        { TotalHours: >= 1 } => size.TotalHours == 1 ? "hour" : $"{size.TotalHours:0} hours",
        _ => size.TotalMinutes == 1 ? "minute" : $"{size.TotalMinutes:0} minutes",
    };

    private static string Label(DateTimeOffset start, TimeSpan size) =>
        start.UtcDateTime.ToString(size >= TimeSpan.FromDays(1) ? "MMM d" : "MMM d HH:mm", CultureInfo.InvariantCulture);
}
