using System.Text;
using LakeFs.Actions.Samples.Audit.Html;

namespace LakeFs.Actions.Samples.Audit;

/// <summary>Writes what an audit found: the text report to standard output and, with <c>--html</c>, the HTML report; then gives the exit code.</summary>
internal static class AuditReportOutput
{
    /// <summary>Writes the reports of <paramref name="findings"/>.</summary>
    /// <param name="findings">What the audit found.</param>
    /// <param name="output">Standard output: the text report.</param>
    /// <param name="error">Standard error: where the HTML report went.</param>
    /// <param name="generatedAt">The date of the HTML report.</param>
    /// <returns>0 when every audited run passed, 1 when one failed; the HTML report is written in both cases.</returns>
    /// <exception cref="IOException">The HTML file could not be written.</exception>
    public static async Task<int> WriteAsync(AuditFindings findings, TextWriter output, TextWriter error, DateTimeOffset generatedAt)
    {
        await AuditTextWriter.WriteAsync(findings, output);
        if (findings.Request.HtmlPath is { } htmlPath)
        {
            await using (var file = new StreamWriter(htmlPath, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
            {
                await AuditHtmlReport.WriteAsync(findings, file, generatedAt);
            }

            await error.WriteLineAsync($"audit: HTML report written to {Path.GetFullPath(htmlPath)}");
        }

        return findings.Report.FailedRuns == 0 ? 0 : 1;
    }
}
