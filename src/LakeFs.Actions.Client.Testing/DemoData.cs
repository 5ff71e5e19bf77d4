namespace LakeFs.Actions.Client.Testing;

/// <summary>The data <see cref="LakeFsActionsEmulator.SeedDemo"/> adds: a small, realistic history of hook runs.</summary>
internal static class DemoData
{
    public static void Seed(LakeFsActionsEmulator emulator, DateTimeOffset now)
    {
        const string repo = LakeFsActionsEmulator.DemoRepository;
        emulator.AddRepository(repo, "main", "s3://demo-bucket/repos/demo-repo/", now - TimeSpan.FromDays(30));
        emulator.AddRepository("analytics", "main", "s3://demo-bucket/repos/analytics/", now - TimeSpan.FromDays(12));

        var commit = 0;
        string NextCommit() => BulkRuns.CommitId(1000 + commit++);
        void Add(string branch, string eventType, TimeSpan ago, params EmulatedHook[] hooks) =>
            emulator.AddRun(repo, new EmulatedRun(branch, NextCommit(), eventType) { StartTime = now - ago, Hooks = hooks });

        Add("main", "pre-commit", TimeSpan.FromHours(50), FormatCheck(passed: true), SchemaCheck(passed: true));
        Add("main", "post-commit", TimeSpan.FromHours(49.9), Notify());
        Add("dev", "pre-create-branch", TimeSpan.FromHours(48), BranchNaming(passed: true));
        Add("dev", "pre-commit", TimeSpan.FromHours(30), FormatCheck(passed: false), SchemaCheck(skipped: true));
        Add("dev", "pre-commit", TimeSpan.FromHours(29), FormatCheck(passed: true), SchemaCheck(passed: false));
        Add("dev", "pre-commit", TimeSpan.FromHours(28), FormatCheck(passed: true), SchemaCheck(passed: true));
        Add("dev", "post-commit", TimeSpan.FromHours(27.9), Notify());
        Add("feature-x", "pre-create-branch", TimeSpan.FromHours(26), BranchNaming(passed: true));
        Add("feature-x", "pre-commit", TimeSpan.FromHours(20), FormatCheck(passed: true), SchemaCheck(passed: true));
        Add("feature-x", "pre-merge", TimeSpan.FromHours(10), DataQuality(passed: false), Webhook(skipped: true));
        Add("feature-x", "pre-merge", TimeSpan.FromHours(8), DataQuality(passed: true), Webhook(skipped: false));
        Add("main", "pre-merge", TimeSpan.FromHours(6), DataQuality(passed: true), Webhook(skipped: false));
        Add("main", "post-merge", TimeSpan.FromHours(5.9), Notify(), Catalog());
        Add("main", "pre-create-tag", TimeSpan.FromHours(4), TagPolicy());
        Add("main", "post-create-tag", TimeSpan.FromHours(3.9), Notify());
        Add("dev", "pre-delete-branch", TimeSpan.FromHours(1), BranchProtection());

        emulator.AddRun("analytics", new EmulatedRun("main", BulkRuns.CommitId(5000), "pre-commit")
        {
            StartTime = now - TimeSpan.FromHours(2),
            Hooks = [FormatCheck(passed: true)],
        });
    }

    private static EmulatedHook FormatCheck(bool passed) => passed
        ? EmulatedHook.Completed("format_validator", "check_formats",
            "Checking 42 new objects under tables/...\nAll objects are parquet.\nformat check passed\n")
        : EmulatedHook.Failed("format_validator", "check_formats",
            "Checking 17 new objects under tables/...\n" +
            "tables/events/part-0003.csv: format csv is not allowed (allowed: parquet, delta)\n" +
            "tables/events/part-0004.json: format json is not allowed (allowed: parquet, delta)\n" +
            "Error: 2 objects failed format validation\n");

    private static EmulatedHook SchemaCheck(bool passed = false, bool skipped = false)
    {
        if (skipped)
        {
            return EmulatedHook.Skipped("format_validator", "check_schema");
        }

        return passed
            ? EmulatedHook.Completed("format_validator", "check_schema",
                "Reading schema of tables/events/_delta_log/00000000000000000012.json\nschema unchanged (14 columns)\n")
            : EmulatedHook.Failed("format_validator", "check_schema",
                "Reading schema of tables/events/_delta_log/00000000000000000013.json\n" +
                "column user_id: type changed from bigint to string\n" +
                "column pii_email: PII columns are not allowed on this branch\n" +
                "Error: schema check failed with 2 violations\n");
    }

    private static EmulatedHook BranchNaming(bool passed) =>
        new("branch_policy", "naming", passed ? HookStatus.Completed : HookStatus.Failed,
            EmulatedHookOutput.FromText("branch name matches ^(main|dev|feature-.+|fix-.+)$\n"));

    private static EmulatedHook DataQuality(bool passed) => passed
        ? EmulatedHook.Completed("data_quality", "row_counts",
            "table events: 1,204,332 rows (+2.1%)\ntable users: 88,410 rows (+0.3%)\nnull ratio user_id: 0.00%\nall expectations met (12/12)\n")
        : EmulatedHook.Failed("data_quality", "row_counts",
            "table events: 0 rows (-100.0%)\nexpectation row_count > 0 FAILED\ntable users: 88,402 rows (+0.3%)\n" +
            "1 of 12 expectations failed\nexit status 1\n");

    private static EmulatedHook Webhook(bool skipped) => skipped
        ? EmulatedHook.Skipped("data_quality", "notify_ci")
        : EmulatedHook.Completed("data_quality", "notify_ci",
            "POST https://ci.example.com/api/lakefs/merge-check\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n" +
            "{\"status\":\"accepted\",\"pipeline\":\"merge-check\",\"build\":1873}\n");

    private static EmulatedHook Notify() => EmulatedHook.Completed("notifications", "slack",
        "POST https://hooks.slack.example.com/services/T000/B000/XXXX\nHTTP/1.1 200 OK\nok\n");

    private static EmulatedHook Catalog() => EmulatedHook.Completed("catalog_export", "symlink_export",
        "exporting tables/events to s3://demo-bucket/exports/events/\nwrote 128 symlink files\ndone in 3.2s\n");

    private static EmulatedHook TagPolicy() => EmulatedHook.Completed("tag_policy", "semver",
        "tag v1.4.0 matches ^v\\d+\\.\\d+\\.\\d+$\n");

    private static EmulatedHook BranchProtection() => EmulatedHook.Failed("branch_policy", "protect_dev",
        "deleting branch dev is not allowed: dev is protected\nexit status 1\n");
}
