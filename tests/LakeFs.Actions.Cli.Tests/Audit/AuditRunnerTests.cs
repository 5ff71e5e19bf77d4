using LakeFs.Actions.Client;
using LakeFs.Actions.Client.Testing;
using LakeFs.Actions.Samples.Audit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LakeFs.Actions.Cli.Tests.Audit;

public sealed class AuditRunnerTests
{
    private const string Repo = "audit-repo";

    [Fact]
    public async Task Reports_every_run_and_the_tail_of_each_failed_hook()
    {
        await using var lakeFs = await LakeFsActionsEmulator.StartAsync();
        lakeFs.AddRepository(Repo);
        var passed = lakeFs.AddRun(Repo, "main", "c1", "pre-commit", [EmulatedHook.Completed("checks", "lint", "ok\n")], startTime: DateTimeOffset.UtcNow.AddMinutes(-1));
        var failed = lakeFs.AddRun(Repo, "main", "c2", "pre-merge",
        [
            EmulatedHook.Failed("quality", "rows", string.Join('\n', Enumerable.Range(1, 50).Select(i => $"line {i}")) + "\n"),
            EmulatedHook.Skipped("quality", "notify"),
        ]);
        using var services = ServicesFor(lakeFs);
        var output = new StringWriter();

        var findings = await new AuditRunner(services.GetRequiredService<ILakeFsActionsClient>())
            .CollectAsync(new AuditRequest(Repo, Commit: null, Latest: 20, TailLines: 3), CancellationToken.None);
        await AuditTextWriter.WriteAsync(findings, output);
        var report = findings.Report;

        Assert.Equal(new AuditReport(Runs: 2, FailedRuns: 1, FailedHooks: 1, SkippedHooks: 1), report);
        var text = output.ToString();
        Assert.Contains(passed, text);
        Assert.Contains($"Run {failed} failed (pre-merge on main, commit c2)", text);
        Assert.Contains("hook quality/rows: failed", text);
        Assert.Contains("hook quality/notify: skipped", text);
        Assert.Contains("| line 48", text);
        Assert.Contains("| line 50", text);
        Assert.DoesNotContain("| line 47", text); // only the tail is printed
        Assert.True(text.IndexOf(failed, StringComparison.Ordinal) < text.IndexOf(passed, StringComparison.Ordinal), "newest run first");
    }

    [Fact]
    public async Task Audits_only_the_runs_of_the_given_commit()
    {
        await using var lakeFs = await LakeFsActionsEmulator.StartAsync();
        lakeFs.AddRepository(Repo);
        var mine = lakeFs.AddRun(Repo, "main", "target", "post-commit", [EmulatedHook.Completed("a", "h")]);
        var other = lakeFs.AddRun(Repo, "main", "other", "post-commit", [EmulatedHook.Failed("a", "h", "boom\n")]);
        using var services = ServicesFor(lakeFs);
        var output = new StringWriter();

        var findings = await new AuditRunner(services.GetRequiredService<ILakeFsActionsClient>())
            .CollectAsync(new AuditRequest(Repo, Commit: "target", Latest: 20, TailLines: 10), CancellationToken.None);
        await AuditTextWriter.WriteAsync(findings, output);
        var report = findings.Report;

        Assert.Equal(new AuditReport(1, 0, 0, 0), report);
        Assert.Contains(mine, output.ToString());
        Assert.DoesNotContain(other, output.ToString());
        var listings = lakeFs.ReceivedRequests.Where(r => r.Operation == EmulatorOperations.ListRepositoryRuns).ToList();
        Assert.NotEmpty(listings);
        Assert.All(listings, r => Assert.Contains("commit=target", r.Target, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stops_listing_after_the_latest_runs_it_was_asked_for()
    {
        await using var lakeFs = await LakeFsActionsEmulator.StartAsync();
        lakeFs.AddRepository(Repo);
        lakeFs.AddRuns(Repo, 250);
        using var services = ServicesFor(lakeFs, pageSize: 100);

        var findings = await new AuditRunner(services.GetRequiredService<ILakeFsActionsClient>())
            .CollectAsync(new AuditRequest(Repo, Commit: null, Latest: 5, TailLines: 10), CancellationToken.None);

        Assert.Equal(5, findings.Report.Runs);
        Assert.Equal(1, lakeFs.RequestCount(EmulatorOperations.ListRepositoryRuns));
    }

    [Theory]
    [InlineData("latest", "0")]
    [InlineData("latest", "many")]
    [InlineData("tail", "-3")]
    [InlineData("repository", " ")]
    public void Rejects_bad_arguments_with_a_message_naming_the_flag(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(key, value)]).Build();

        var error = Assert.Throws<ArgumentException>(() => AuditRequest.FromConfiguration(configuration));

        Assert.Contains($"--{key}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writes_the_html_report_also_when_a_run_failed_and_exits_1()
    {
        await using var lakeFs = await LakeFsActionsEmulator.StartAsync();
        lakeFs.AddRepository(Repo);
        lakeFs.AddRun(Repo, "main", "c1", "pre-commit", [EmulatedHook.Failed("checks", "lint", "bad\n")]);
        using var services = ServicesFor(lakeFs);
        var directory = Directory.CreateTempSubdirectory("audit-html-");
        try
        {
            var path = Path.Combine(directory.FullName, "report.html");
            var findings = await new AuditRunner(services.GetRequiredService<ILakeFsActionsClient>())
                .CollectAsync(new AuditRequest(Repo, null, 20, 10) { HtmlPath = path }, CancellationToken.None);
            var error = new StringWriter();

            var exitCode = await AuditReportOutput.WriteAsync(findings, TextWriter.Null, error, DateTimeOffset.UnixEpoch);

            Assert.Equal(1, exitCode);
            var html = await File.ReadAllTextAsync(path);
            Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
            Assert.Contains("<h2>Failed hooks</h2>", html, StringComparison.Ordinal);
            Assert.Contains(path, error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Html_option_names_the_report_file_and_must_not_be_empty()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("html", "out/report.html")]).Build();
        var empty = new ConfigurationBuilder().AddInMemoryCollection([new("html", " ")]).Build();

        Assert.Equal("out/report.html", AuditRequest.FromConfiguration(configuration).HtmlPath);
        Assert.Contains("--html", Assert.Throws<ArgumentException>(() => AuditRequest.FromConfiguration(empty)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_to_the_demo_repository_and_the_latest_twenty_runs()
    {
        var request = AuditRequest.FromConfiguration(new ConfigurationBuilder().Build());

        Assert.Equal(new AuditRequest("demo-repo", null, 20, 10), request);
    }

    internal static ServiceProvider ServicesFor(LakeFsActionsEmulator lakeFs, int? pageSize = null)
    {
        var services = new ServiceCollection();
        services.AddLakeFsActionsClient(options =>
        {
            options.Endpoint = lakeFs.Endpoint;
            options.AccessKeyId = lakeFs.AccessKeyId;
            options.SecretAccessKey = lakeFs.SecretAccessKey;
            options.PageSize = pageSize;
        });
        return services.BuildServiceProvider();
    }
}
