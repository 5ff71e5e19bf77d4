using static LakeFs.Actions.Client.Tests.ActionFiles.ActionFileAssert;

namespace LakeFs.Actions.Client.Tests.ActionFiles;

/// <summary>
/// The verdicts lakeFS's own <c>ParseAction</c> tests assert (which shapes load, which fail and with what text),
/// each on our own input of the same shape; and its <c>Match</c> cases.
/// </summary>
public class LakeFsParseActionVerdictTests
{
    private const string Url = "      url: \"https://hooks.example.com/check?t=abc\"\n";

    public static TheoryData<string, string?> Files => new()
    {
        // A full file: several events (some with branches, one null), hooks with query params lists.
        { "name: Full check\ndescription: all kinds\non:\n  pre-merge:\n    branches:\n      - main\n      - stage\n  prepare-commit:\n    branches:\n      - feat-*\n  pre-commit:\n    branches:\n      - feat-*\n  post-commit:\nhooks:\n  - id: first\n    type: webhook\n    description: one\n    properties:\n" + Url + "      query_params:\n        deny: [\"tmp_\", \"scratch_\"]\n        prefix: public/\n  - id: second\n    type: webhook\n    properties:\n" + Url, null },
        { "name: Secret check\non:\n  pre-merge:\n    branches: [main]\nhooks:\n  - id: first\n    type: webhook\n    properties:\n" + Url + "      query_params:\n        deny: [\"tmp_\", \"{{ ENV.SOMETHING }}\"]\n        prefix: \"{{ ENV.OTHER }}\"\n", null },
        { "name: minimal\non:\n  pre-merge:\n    branches:\n      - main\nhooks:\n  - id: only\n    type: webhook\n    properties:\n" + Url, null },
        { "name: twice\non:\n  pre-merge:\nhooks:\n  - id: same\n    type: webhook\n    properties:\n" + Url + "  - id: same\n    type: webhook\n    properties:\n" + Url, "hook[1] duplicate ID 'same': invalid action" },
        { "name: bad id\non:\n  pre-merge:\nhooks:\n  - id: has a space\n    type: webhook\n    properties:\n" + Url, "hook[0] missing ID: invalid action" },
        { "name: bad type\non:\n  pre-merge:\nhooks:\n  - id: the_hook\n    type: shell\n", "hook[0] type 'the_hook' unknown: invalid action" },
        { "name: bad event\non:\n  on-commit:\n    branches: [main]\nhooks:\n  - id: the_hook\n    type: webhook\n    properties:\n" + Url, "event 'on-commit' is not supported: invalid action" },
        { "just some words", "yaml: unmarshal errors:\n  line 1: cannot unmarshal !!str `just so...` into actions.Action" },
        { "name: tag with branches\non:\n  post-create-tag:\n    branches:\n      - main\nhooks:\n  - id: the_hook\n    type: webhook\n", "'branches' is not supported in tag event types. invalid event parameter" },
        { "name: lua misplaced\non:\n  pre-commit:\nhooks:\n  - id: the_hook\n    type: lua\n    properties:\n    script: |\n        print(1)\n", "hook[0] type 'lua': missing hook properties: invalid action" },
        { "name: lua empty\non:\n  pre-commit:\nhooks:\n  - id: the_hook\n    type: lua\n    properties: {}\n", "hook[0] type 'lua': 'script' or 'script_path' must be supplied in properties: invalid action" },
        { "name: lua none\non:\n  pre-commit:\nhooks:\n  - id: the_hook\n    type: lua\n", "hook[0] type 'lua': missing hook properties: invalid action" },
        { "name: lua script\non:\n  pre-commit:\nhooks:\n  - id: the_hook\n    type: lua\n    properties:\n      script: |\n        print(\"hi\")\n", null },
        { "name: lua path\non:\n  pre-commit:\nhooks:\n  - id: the_hook\n    type: lua\n    properties:\n      script_path: scripts/a.lua\n", null },
        { "name: webhook no url\non:\n  pre-commit:\nhooks:\n  - id: the_hook\n    type: webhook\n    properties:\n      timeout: 10s\n", "hook[0] type 'webhook': 'url' must be supplied in properties: invalid action" },
        { "name: airflow partial\non:\n  pre-commit:\nhooks:\n  - id: the_hook\n    type: airflow\n    properties:\n      url: \"https://airflow.example.com\"\n", "hook[0] type 'airflow': 'dag_id' must be supplied in properties: invalid action" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Loads_or_fails_as_lakeFS_ParseAction_does(string yaml, string? error)
    {
        var result = Validate(yaml);
        if (error is null)
        {
            Assert.Null(result.LakeFsError);
            Assert.DoesNotContain(result.Diagnostics, d => d.Severity == ActionDiagnosticSeverity.Error);
            Assert.NotNull(result.Action);
        }
        else
        {
            Assert.Equal("parsing file _lakefs_actions/a.yaml: " + error, result.LakeFsError);
        }
    }

    [Theory]
    [InlineData("prepare-commit:\n    branches: [main]", "prepare-commit", "x", false)]
    [InlineData("pre-merge:", "pre-merge", "", true)]
    [InlineData("pre-merge:", "pre-commit", "", false)]
    [InlineData("pre-commit:", "pre-merge", "", false)]
    [InlineData("pre-commit:\n  pre-merge:", "pre-commit", "", true)]
    [InlineData("pre-commit:\n  pre-merge:", "pre-merge", "", true)]
    [InlineData("pre-commit:\n    branches: [main]", "pre-commit", "main", true)]
    [InlineData("pre-commit:\n    branches: [main]", "pre-commit", "x", false)]
    [InlineData("pre-commit:\n    branches: ['*-feature']", "pre-commit", "new-feature", true)]
    [InlineData("pre-commit:\n    branches: [a1, b1]", "pre-commit", "b1", true)]
    [InlineData("pre-create-tag:", "pre-create-tag", "", true)]
    [InlineData("pre-create-tag:", "pre-create-tag", "main", true)]
    [InlineData("post-delete-tag:", "post-delete-tag", "main", true)]
    [InlineData("pre-create-branch:\n    branches: [main]", "pre-create-branch", "main", true)]
    [InlineData("post-delete-branch:\n    branches: [main]", "post-delete-branch", "main", true)]
    public void Matches_as_lakeFS_Match_does(string on, string eventType, string branch, bool expected)
    {
        var action = Validate($"name: Check\non:\n  {on}\n").Action!;
        Assert.Equal(expected, action.Matches(new ActionEventType(eventType), branch));
    }

    [Fact]
    public void A_bad_pattern_is_lakeFS_match_error()
    {
        var action = Validate("name: Check\non:\n  pre-commit:\n    branches: ['\\']\n").Action!;
        var exception = Assert.Throws<FormatException>(() => action.Matches(ActionEventType.PreCommit, "main"));
        Assert.Equal("syntax error in pattern", exception.Message);
    }
}

/// <summary>Files shaped like lakeFS's end-to-end action files (rendered): no diagnostic at all, and the right plan.</summary>
public class EndToEndShapedActionFileTests
{
    public static TheoryData<string> Events => new(ActionEventType.Known.Select(e => e.Value));

    [Theory]
    [MemberData(nameof(Events))]
    public void A_webhook_per_event_file_is_clean_and_planned_for_its_event(string eventName)
    {
        var eventType = new ActionEventType(eventName);
        var branches = eventType.IsTagEvent ? string.Empty : "    branches:\n\n";
        var yaml = $"name: Test {eventName}\ndescription: a test action description\non:\n  {eventName}:\n{branches}hooks:\n  - id: test_webhook\n    type: webhook\n" +
            $"    description: Check webhooks for {eventName} works\n    properties:\n      url: \"http://localhost:8080/{eventName}\"\n" +
            "      query_params:\n        check_env_vars: \"{{ ENV.LAKEFSACTION_VAR }}\"\n";
        var result = Validate(yaml);
        Assert.Empty(result.Diagnostics.Select(d => d.ToString()));
        var branch = eventType.IsTagEvent ? null : "main";
        var plan = ActionPlanner.Plan([result.Action!], eventType, branch);
        Assert.Null(plan.Error);
        Assert.Equal("test_webhook", Assert.Single(Assert.Single(plan.Actions).Hooks).Hook.Id);
        var other = ActionEventType.Known.First(e => e != eventType);
        Assert.Empty(ActionPlanner.Plan([result.Action!], other, branch).Actions);
    }

    [Fact]
    public void An_exporter_shaped_lua_file_is_clean_and_matches_its_branch_prefix()
    {
        var yaml = "name: Glue Exporter\non:\n  post-commit:\n    branches: [\"export-test*\"]\nhooks:\n  - id: glue_exporter\n    type: lua\n    properties:\n" +
            "      script_path: \"scripts/glue_exporter.lua\"\n      args:\n        aws:\n          aws_access_key_id: \"AKIAEXAMPLE\"\n          aws_region: \"us-east-1\"\n" +
            "        table_source: '_lakefs_tables/t.yaml'\n        catalog:\n          db_name: \"db\"\n          table_input:\n            StorageDescriptor: \n" +
            "              InputFormat: \"org.example.InputFormat\"\n              SerdeInfo:\n                Parameters:\n                  separatorChar: \",\"\n" +
            "            Parameters: \n              classification: \"csv\"\n              \"skip.header.line.count\": \"1\"\n";
        var result = Validate(yaml);
        Assert.Empty(result.Diagnostics.Select(d => d.ToString()));
        Assert.Single(ActionPlanner.Plan([result.Action!], ActionEventType.PostCommit, "export-test-1").Actions);
        Assert.Empty(ActionPlanner.Plan([result.Action!], ActionEventType.PostCommit, "main").Actions);
    }
}
