using LakeFs.Actions.Client;
using LakeFs.Actions.Client.Testing;
using LakeFs.Actions.Samples.Audit;
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
    [InlineData("--latest", "0")]
    [InlineData("--latest", "many")]
    [InlineData("--tail", "-3")]
    [InlineData("--tail", "1.5")]
    [InlineData("--latest", "99999999999")]
    [InlineData("--repository", " ")]
    [InlineData("--commit", "")]
    public void Rejects_bad_arguments_with_a_message_naming_the_flag(string option, string value)
    {
        var error = Assert.Throws<FormatException>(() => AuditCommandLine.Parse([option, value]));

        Assert.Contains(option, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--frobnicate")]
    [InlineData("-x")]
    [InlineData("stray")]
    [InlineData("--latest")]
    public void Rejects_unknown_options_stray_arguments_and_missing_values(string arg)
    {
        var error = Assert.Throws<FormatException>(() => AuditCommandLine.Parse([arg]));

        Assert.Contains(arg, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_options_as_separate_or_joined_values_and_the_flags()
    {
        var commandLine = AuditCommandLine.Parse(["--repository=repo-a", "--commit", "abc123", "--tail=3", "--demo", "--help"]);

        Assert.Equal(new AuditRequest("repo-a", "abc123", 20, 3), commandLine.Request);
        Assert.True(commandLine.Demo);
        Assert.True(commandLine.ShowHelp);
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
        Assert.Equal("out/report.html", AuditCommandLine.Parse(["--html", "out/report.html"]).Request.HtmlPath);
        Assert.Contains("--html", Assert.Throws<FormatException>(() => AuditCommandLine.Parse(["--html", " "])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_to_the_demo_repository_and_the_latest_twenty_runs()
    {
        var commandLine = AuditCommandLine.Parse([]);

        Assert.Equal(new AuditRequest("demo-repo", null, 20, 10), commandLine.Request);
        Assert.False(commandLine.ShowHelp);
        Assert.False(commandLine.Demo);
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
