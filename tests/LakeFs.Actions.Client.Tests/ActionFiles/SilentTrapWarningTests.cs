using static LakeFs.Actions.Client.Tests.ActionFiles.ActionFileAssert;

namespace LakeFs.Actions.Client.Tests.ActionFiles;

/// <summary>Warnings for what lakeFS silently accepts.</summary>
public class SilentTrapWarningTests
{
    [Theory]
    [InlineData("nmae: Check\nname: Check\non:\n  pre-commit:\n", "unknown key 'nmae' in an action is ignored by lakeFS; did you mean 'name'?", 1)]
    [InlineData("name: Check\non:\n  pre-commit:\n    branch: [main]\n", "unknown key 'branch' in an event is ignored by lakeFS; did you mean 'branches'?", 4)]
    [InlineData("name: Check\non:\n  pre-commit:\nhook:\n  - id: x\n", "unknown key 'hook' in an action is ignored by lakeFS; did you mean 'hooks'?", 4)]
    [InlineData("name: Check\non:\n  pre-commit:\nhooks:\n  - id: check\n    type: lua\n    propertes: {script: x}\n    properties: {script: x}\n", "unknown key 'propertes' in a hook is ignored by lakeFS; did you mean 'properties'?", 7)]
    [InlineData("name: Check\non:\n  pre-commit:\nhooks:\n  - id: check\n    type: webhook\n    properties:\n      url: http://h\n      timout: 5s\n", "unknown webhook property 'timout' is ignored by lakeFS; did you mean 'timeout'?", 9)]
    [InlineData("name: Check\non:\n  pre-commit:\nhooks:\n  - id: check\n    type: lua\n    properties:\n      script: x\n      argz: {}\n", "unknown lua property 'argz' is ignored by lakeFS; did you mean 'args'?", 9)]
    public void Unknown_and_misspelt_keys(string yaml, string message, int line)
    {
        var diagnostic = Single(yaml, ActionRules.UnknownKey, message);
        Assert.Equal(ActionDiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(line, diagnostic.Line);
    }

    [Theory]
    [InlineData("30", "'timeout' 30 is not a string: lakeFS ignores it and uses the default 1m; write a Go duration such as \"30s\"")]
    [InlineData("1.5", "'timeout' 1.5 is not a string: lakeFS ignores it and uses the default 1m; write a Go duration such as \"1.5s\"")]
    public void A_number_where_a_duration_belongs(string timeout, string message) =>
        Single(Webhook($"      url: http://h\n      timeout: {timeout}\n"), ActionRules.IgnoredValue, message);

    [Fact]
    public void A_string_wait_for_dag_is_ignored()
    {
        var yaml = "name: Check\non:\n  pre-commit:\nhooks:\n  - id: dag\n    type: airflow\n    properties:\n      url: http://a\n      dag_id: d\n      username: u\n      password: \"{{ ENV.LAKEFSACTION_P }}\"\n      wait_for_dag: \"true\"\n";
        Single(yaml, ActionRules.IgnoredValue, "'wait_for_dag' is not a boolean: lakeFS ignores it and does not wait; write true or false unquoted");
    }

    [Theory]
    [InlineData("{{ ENV.TOKEN }}", "TOKEN")]
    [InlineData("Bearer {{ENV.GITHUB_TOKEN}}", "GITHUB_TOKEN")]
    [InlineData("{{ ENV.LAKEFSACTIONS_TOKEN }}", "LAKEFSACTIONS_TOKEN")]
    public void An_ENV_reference_without_the_prefix_is_silently_empty(string value, string name)
    {
        Single(Webhook($"      url: http://h\n      query_params:\n        token: \"{value}\"\n"), ActionRules.EnvironmentPrefix,
            $"ENV variable '{name}' lacks the prefix 'LAKEFSACTION_': lakeFS silently substitutes the empty string");
    }

    [Fact]
    public void The_prefix_is_configurable()
    {
        var options = new ActionValidationOptions { EnvironmentPrefix = "HOOK_" };
        Clean(Webhook("      url: http://h\n      query_params:\n        token: \"{{ ENV.HOOK_TOKEN }}\"\n"), options);
    }

    [Fact]
    public void An_ENV_reference_in_the_url_is_sent_literally() =>
        Single(Webhook("      url: \"http://{{ ENV.LAKEFSACTION_HOST }}/hook\"\n"), ActionRules.EnvironmentNotSubstituted,
            "lakeFS does not substitute ENV references in 'url': the text is used literally");

    [Fact]
    public void ENV_references_in_airflow_dag_conf_are_used_literally()
    {
        var yaml = "name: Check\non:\n  pre-commit:\nhooks:\n  - id: dag\n    type: airflow\n    properties:\n      url: http://a\n      dag_id: d\n      username: \"{{ ENV.LAKEFSACTION_USER }}\"\n      password: \"{{ ENV.LAKEFSACTION_P }}\"\n      dag_conf: {token: [\"{{ ENV.LAKEFSACTION_T }}\"]}\n";
        var result = Validate(yaml);
        Assert.Equal([10, 12], result.Diagnostics.Select(d => d.Line));
        Assert.All(result.Diagnostics, d => Assert.Equal(ActionRules.EnvironmentNotSubstituted, d.Rule));
    }

    [Theory]
    [InlineData("Authorization")]
    [InlineData("X-Api-Key")]
    [InlineData("X-Auth-Token")]
    public void A_literal_secret_header_is_logged_in_clear(string header)
    {
        var diagnostic = Single(Webhook($"      url: http://h\n      headers:\n        {header}: s3cr3t\n"), ActionRules.LiteralSecret,
            $"header '{header}' holds a literal value: lakeFS writes it to the hook log in clear; use {{{{ ENV.LAKEFSACTION_... }}}}");
        Assert.DoesNotContain("s3cr3t", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ordinary_literal_header_is_fine() => Clean(Webhook("      url: http://h\n      headers:\n        X-Source: lakefs\n"));

    [Fact]
    public void A_literal_airflow_password_is_logged_in_clear()
    {
        var yaml = "name: Check\non:\n  pre-commit:\nhooks:\n  - id: dag\n    type: airflow\n    properties:\n      url: http://a\n      dag_id: d\n      username: u\n      password: hunter2\n";
        var diagnostic = Single(yaml, ActionRules.LiteralSecret, "'password' holds a literal value: lakeFS writes it to the hook log in clear; use {{ ENV.LAKEFSACTION_... }}");
        Assert.Equal(new SourcePosition(11, 17), diagnostic.Position);
    }

    [Theory]
    [InlineData("feature/*")]
    [InlineData("release-1.0")]
    [InlineData("refs\\/heads")]
    [InlineData("")]
    public void A_glob_that_can_never_match_a_branch_id(string pattern) =>
        Assert.Equal(ActionRules.BranchPatternNeverMatches, Assert.Single(Validate($"name: Check\non:\n  pre-merge:\n    branches: ['{pattern}']\n").Diagnostics).Rule);

    [Theory]
    [InlineData("feature-*")]
    [InlineData("[._]x")]
    [InlineData("release-?")]
    [InlineData("[^.]*")]
    public void Globs_that_can_match(string pattern) => Clean($"name: Check\non:\n  pre-merge:\n    branches: ['{pattern}']\n");

    [Fact]
    public void An_empty_url_fails_at_run()
    {
        var diagnostic = Single(Webhook("      url: \"\"\n"), ActionRules.UrlEmpty, "'url' is empty: the webhook fails every time it runs (unsupported protocol scheme)");
        Assert.Equal(ActionDiagnosticSeverity.Warning, diagnostic.Severity);
    }

    [Fact]
    public void A_correct_file_using_every_feature_gets_no_diagnostic()
    {
        var options = new ActionValidationOptions { KnownEnvironmentVariables = new HashSet<string> { "LAKEFSACTION_TOKEN", "LAKEFSACTION_AIRFLOW" } };
        Clean("""
            name: Full check
            description: every key lakeFS reads
            on:
              pre-commit:
                branches: [main, "release-*", "hotfix-[0-9]*"]
              pre-merge:
                branches:
              post-create-tag:
            hooks:
              - id: notify
                type: webhook
                description: tell the service
                if: success()
                properties:
                  url: https://hooks.example.com/check
                  timeout: 30s
                  query_params:
                    source: lakefs
                    tags: [a, b]
                  headers:
                    Authorization: "Bearer {{ ENV.LAKEFSACTION_TOKEN }}"
              - id: run_dag
                type: airflow
                if: failure()
                properties:
                  url: http://airflow:8080
                  dag_id: validate
                  username: admin
                  password: "{{ ENV.LAKEFSACTION_AIRFLOW }}"
                  dag_conf: {depth: 2}
                  wait_for_dag: true
                  timeout: 2m
              - id: lua_check
                type: lua
                if: "true"
                properties:
                  script_path: scripts/check.lua
                  args:
                    prefix: tables/
            """, options);
    }
}
