using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using LakeFs.Actions.Cli.Tests.Infrastructure;
using LakeFs.Actions.Client;
using LakeFs.Actions.Client.Testing;
using LakeFs.Actions.Samples.Audit;
using LakeFs.Actions.Samples.Audit.Html;
using Microsoft.Extensions.DependencyInjection;

namespace LakeFs.Actions.Cli.Tests.Audit;

/// <summary>
/// The audit's HTML report over the seeded runs plus one with a hostile log: parsed as XML (the markup is
/// XHTML-compatible), its sections, chart, tables and escaping checked.
/// </summary>
public sealed class AuditHtmlReportTests : IAsyncLifetime
{
    private const string HostileLog = "<script>alert('x')</script> & \u001b[31mred\u001b[0m \u0000bell\u0007\nlast line\n";
    private static readonly DateTimeOffset GeneratedAt = new(2025, 6, 1, 12, 30, 0, TimeSpan.Zero);
    private SeededEmulator _lakeFs = null!;
    private string _hostileRun = null!;
    private string _html = null!;
    private XDocument _document = null!;

    public async Task InitializeAsync()
    {
        _lakeFs = await SeededEmulator.StartAsync();
        _hostileRun = _lakeFs.Emulator.AddRun(SeededEmulator.Repository, "feature", new string('d', 64), "post-commit",
            [EmulatedHook.Failed("export", "<img src=x>", HostileLog)], SeededEmulator.Now - TimeSpan.FromMinutes(30));
        using var services = AuditRunnerTests.ServicesFor(_lakeFs.Emulator);
        var findings = await new AuditRunner(services.GetRequiredService<ILakeFsActionsClient>())
            .CollectAsync(new AuditRequest(SeededEmulator.Repository, Commit: null, Latest: 20, TailLines: 10), CancellationToken.None);
        _html = AuditHtmlReport.Render(findings, GeneratedAt);
        using var reader = XmlReader.Create(new StringReader(_html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        _document = XDocument.Load(reader);
    }

    public async Task DisposeAsync() => await _lakeFs.DisposeAsync();

    [Fact]
    public void Is_one_html_document_with_the_four_sections()
    {
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">", _html, StringComparison.Ordinal);
        Assert.Equal("lakeFS hook audit: data-lake", _document.Descendants("title").First().Value);
        Assert.Equal(
            ["runs-over-time", "failure-rate", "slowest-hooks", "failed-hooks"],
            _document.Descendants("section").Select(s => (string?)s.Attribute("id")));
        Assert.Equal(["5", "2", "2", "1"], _document.Descendants("ul").First(u => (string?)u.Attribute("class") == "totals").Elements("li").Select(li => li.Element("b")!.Value));
    }

    [Fact]
    public void Needs_no_script_and_no_external_asset()
    {
        Assert.DoesNotContain("<script", _html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http", _html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", _html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", _html, StringComparison.OrdinalIgnoreCase);
        var elements = _document.Descendants().ToList();
        Assert.DoesNotContain(elements, e => e.Name.LocalName is "script" or "link" or "img" or "iframe" or "object" or "embed");
        Assert.DoesNotContain(elements.SelectMany(e => e.Attributes()), a => a.Name.LocalName is "src" or "href" or "xlink:href" || a.Name.LocalName.StartsWith("on", StringComparison.Ordinal));
        Assert.Single(_document.Descendants("style"));
    }

    [Fact]
    public void Chart_has_one_group_per_time_bucket_and_one_bar_per_bucket_and_status()
    {
        // Runs from 07:00 to 11:30: 15-minute buckets (the smallest size giving at most 24), 19 of them.
        var chart = _document.Descendants("section").Single(s => (string?)s.Attribute("id") == "runs-over-time").Element("svg")!;
        var buckets = chart.Elements("g").Where(g => (string?)g.Attribute("class") == "bucket").ToList();
        Assert.Equal(19, buckets.Count);
        Assert.Equal("2025-06-01T07:00:00Z", (string?)buckets[0].Attribute("data-start"));
        Assert.Equal("2025-06-01T11:30:00Z", (string?)buckets[^1].Attribute("data-start"));
        Assert.All(buckets.Zip(buckets.Skip(1)), pair => Assert.Equal(
            TimeSpan.FromMinutes(15),
            DateTimeOffset.Parse((string)pair.Second.Attribute("data-start")!, CultureInfo.InvariantCulture) - DateTimeOffset.Parse((string)pair.First.Attribute("data-start")!, CultureInfo.InvariantCulture)));

        var bars = buckets.Select(b => b.Elements("rect").Select(r => ((string?)r.Attribute("data-status"), (int)r.Attribute("data-count")!)).ToList()).ToList();
        Assert.Equal([("completed", 1)], bars[0]);   // 07:00 pre-commit
        Assert.Equal([("completed", 1)], bars[4]);   // 08:00 post-commit
        Assert.Equal([("failed", 1)], bars[8]);      // 09:00 failed pre-commit
        Assert.Equal([("completed", 1)], bars[16]);  // 11:00 pre-merge
        Assert.Equal([("failed", 1)], bars[18]);     // 11:30 hostile post-commit
        Assert.Equal(5, bars.Sum(b => b.Count));
        Assert.All(chart.Descendants("rect"), r => Assert.NotNull(r.Element("title")));
    }

    [Fact]
    public void Failure_rates_per_action_and_per_hook_worst_first()
    {
        var perHook = Rows("per-hook");
        Assert.Equal(["checks/schema", "1", "1", "0", "100%"], perHook[0][..5]); // equal rates: by name
        Assert.Equal(["export/<img src=x>", "1", "1", "0", "100%"], perHook[1][..5]);
        Assert.Contains(perHook, row => row[..5].SequenceEqual(["checks/notify", "0", "0", "1", "-"]));
        Assert.Contains(perHook, row => row[..5].SequenceEqual(["checks/lint", "1", "0", "0", "0%"]));

        var perAction = Rows("per-action");
        Assert.Equal(["export", "1", "1", "0", "100%"], perAction[0][..5]);
        Assert.Equal(["checks", "2", "1", "0", "50%"], perAction[1][..5]);
    }

    [Fact]
    public void Slowest_hooks_come_first()
    {
        var rows = _document.Descendants("section").Single(s => (string?)s.Attribute("id") == "slowest-hooks").Descendants("tr").Skip(1).ToList();

        Assert.Equal(5, rows.Count); // the skipped hook never ran
        var first = rows[0].Elements("td").Select(td => td.Value).ToList();
        Assert.Equal(["quality/row_counts", _lakeFs.MergeRun, "pre-merge", "completed", "2025-06-01 11:00", "4.5 s"], first[..6]);
    }

    [Fact]
    public void Each_failed_hook_shows_the_tail_of_its_log_escaped()
    {
        var failures = _document.Descendants("article").ToList();

        Assert.Equal(2, failures.Count);
        Assert.Equal("export/<img src=x>", failures[0].Element("h3")!.Value);
        Assert.Contains(_hostileRun, failures[0].Element("p")!.Value, StringComparison.Ordinal);
        Assert.Equal("<script>alert('x')</script> & red bell\nlast line", failures[0].Element("pre")!.Value);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; red bell", _html, StringComparison.Ordinal);
        Assert.Equal("column id: type changed\nError: schema check failed", failures[1].Element("pre")!.Value);
    }

    [Fact]
    public void With_no_runs_every_section_says_so()
    {
        var html = AuditHtmlReport.Render(new AuditFindings(new AuditRequest("empty", null, 20, 10), []), GeneratedAt);
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        var document = XDocument.Load(reader);

        Assert.Equal(4, document.Descendants("section").Count());
        Assert.All(document.Descendants("section"), s => Assert.Contains(s.Elements("p"), p => (string?)p.Attribute("class") == "empty"));
        Assert.Empty(document.Descendants("svg"));
    }

    private List<string[]> Rows(string tableId) =>
        [.. _document.Descendants("table").Single(t => (string?)t.Attribute("id") == tableId).Element("tbody")!.Elements("tr")
            .Select(tr => tr.Elements("td").Select(td => td.Value).ToArray())];
}
