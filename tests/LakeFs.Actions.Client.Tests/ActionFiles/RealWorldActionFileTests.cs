using System.Text;

namespace LakeFs.Actions.Client.Tests.ActionFiles;

/// <summary>Action files as people write them (from lakeFS's documentation and system tests), for every event.</summary>
public class RealWorldActionFileTests
{
    private const string WebhookFile = """
        name: Good files check
        description: set of checks to verify that branch is good
        on:
          pre-commit:
          pre-merge:
            branches:
              - main
        hooks:
          - id: no_temp
            type: webhook
            description: checking no temporary files found
            properties:
              url: "http://localhost:1234/webhooks/no-temp"
          - id: no_freeze
            type: webhook
            description: check production is not in dev freeze
            properties:
              url: "http://localhost:1234/webhooks/freeze"
              query_params:
                environment: production
                repo: ["alpha", "beta"]
              headers:
                Authorization: "Bearer {{ ENV.LAKEFSACTION_TOKEN }}"
              timeout: 2m30s
        """;

    private const string AirflowFile = """
        name: Trigger DAG
        on:
          post-commit:
            branches: ["etl-*"]
        hooks:
          - id: trigger_my_dag
            type: airflow
            description: Trigger an example_dag
            properties:
              url: "http://localhost:8000"
              dag_id: "example_dag"
              username: "admin"
              password: "{{ ENV.LAKEFSACTION_AIRFLOW_PASSWORD }}"
              dag_conf:
                some: "additional_conf"
              wait_for_dag: true
              timeout: 5m
        """;

    private const string LuaFile = """
        name: auto symlink
        on:
          post-create-branch:
            branches: ["view-*"]
          pre-create-tag:
        hooks:
          - id: symlink_creator
            type: lua
            properties:
              script_path: scripts/s3_hive_manifest_exporter.lua
              args:
                aws_access_key_id: "{{ ENV.LAKEFSACTION_AWS_KEY }}"
                table_source: '_lakefs_tables/animals.yaml'
          - id: inline
            type: lua
            if: failure()
            properties:
              script: |
                local lakefs = require("lakefs")
                print(action.repository_id)
        """;

    private static ActionFolderResult Folder() => new ActionFileValidator().ValidateFolder(
    [
        new ActionFileSource("_lakefs_actions/airflow.yaml", Encoding.UTF8.GetBytes(AirflowFile)),
        new ActionFileSource("_lakefs_actions/lua.yaml", Encoding.UTF8.GetBytes(LuaFile)),
        new ActionFileSource("_lakefs_actions/webhook.yaml", Encoding.UTF8.GetBytes(WebhookFile)),
    ]);

    [Fact]
    public void The_documented_files_are_clean()
    {
        var folder = Folder();
        Assert.Empty(folder.Diagnostics.Select(d => d.ToString()));
        Assert.Null(folder.LoadError);
        Assert.Equal(["Trigger DAG", "auto symlink", "Good files check"], folder.Actions.Select(a => a.Name));
    }

    [Theory]
    [InlineData("prepare-commit", "main", "")]
    [InlineData("pre-commit", "main", "Good files check:0000_0000,0000_0001")]
    [InlineData("pre-commit", "dev", "Good files check:0000_0000,0000_0001")]
    [InlineData("post-commit", "etl-daily", "Trigger DAG:0000_0000")]
    [InlineData("post-commit", "main", "")]
    [InlineData("pre-merge", "main", "Good files check:0000_0000,0000_0001")]
    [InlineData("pre-merge", "dev", "")]
    [InlineData("post-merge", "main", "")]
    [InlineData("pre-create-branch", "view-x", "")]
    [InlineData("post-create-branch", "view-x", "auto symlink:0000_0000,0000_0001")]
    [InlineData("post-create-branch", "views", "")]
    [InlineData("pre-delete-branch", "main", "")]
    [InlineData("post-delete-branch", "main", "")]
    [InlineData("pre-create-tag", null, "auto symlink:0000_0000,0000_0001")]
    [InlineData("post-create-tag", null, "")]
    [InlineData("pre-delete-tag", null, "")]
    [InlineData("post-delete-tag", null, "")]
    [InlineData("pre-revert", "main", "")]
    [InlineData("post-revert", "main", "")]
    [InlineData("pre-cherry-pick", "main", "")]
    [InlineData("post-cherry-pick", "main", "")]
    public void Each_event_plans_the_hooks_lakeFS_runs(string eventName, string? branch, string expected)
    {
        var plan = Folder().Plan(new ActionEventType(eventName), branch);
        var text = string.Join(";", plan.Actions.Select(a => a.Action.Name + ":" + string.Join(",", a.Hooks.Select(h => h.HookRunId))));
        Assert.Equal(expected, text);
        Assert.False(plan.IsRefused);
    }

    [Fact]
    public void Two_matched_actions_take_consecutive_indexes_in_path_order()
    {
        var folder = new ActionFileValidator().ValidateFolder(
        [
            new ActionFileSource("_lakefs_actions/z.yaml", Encoding.UTF8.GetBytes(WebhookFile)),
            new ActionFileSource("_lakefs_actions/a.yaml", Encoding.UTF8.GetBytes("name: Guard\non:\n  pre-merge:\nhooks:\n  - id: g1\n    type: lua\n    properties: {script: x}\n")),
        ]);
        var plan = folder.Plan(ActionEventType.PreMerge, "main");
        Assert.Equal(["Guard/g1/0000_0000", "Good files check/no_temp/0001_0000", "Good files check/no_freeze/0001_0001"],
            plan.Hooks.Select(h => $"{h.Action.Name}/{h.Hook.Id}/{h.HookRunId}"));
    }
}
