using static LakeFs.Actions.Client.Tests.ActionFiles.ActionFileAssert;

namespace LakeFs.Actions.Client.Tests.ActionFiles;

/// <summary>What lakeFS only finds when an event matches or a hook is built or run.</summary>
public class RuntimeFailureTests
{
    [Theory]
    [InlineData("\"30\"", "webhook request duration: time: missing unit in duration \"30\"")]
    [InlineData("30sec", "webhook request duration: time: unknown unit \"sec\" in duration \"30sec\"")]
    [InlineData("1h-5m", "webhook request duration: time: unknown unit \"h-\" in duration \"1h-5m\"")]
    [InlineData("\".s\"", "webhook request duration: time: invalid duration \".s\"")]
    public void A_webhook_timeout_that_is_not_a_Go_duration(string timeout, string message)
    {
        var result = Validate(Webhook($"      url: http://h\n      timeout: {timeout}\n"));
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(ActionRules.TimeoutInvalid, diagnostic.Rule);
        Assert.Equal(message, diagnostic.Message);
        Assert.Null(result.LakeFsError);
        Assert.Equal(message, result.Action!.Hooks[0].InstantiationError);
    }

    [Theory]
    [InlineData("30s")]
    [InlineData("1m30s")]
    [InlineData("1.5h")]
    [InlineData("500ms")]
    [InlineData("\"\"")]
    public void Webhook_timeouts_lakeFS_accepts(string timeout) => Clean(Webhook($"      url: http://h\n      timeout: {timeout}\n"));

    [Theory]
    [InlineData("\"0\"")]
    [InlineData("0s")]
    [InlineData("-1m")]
    public void A_webhook_timeout_that_is_not_positive_means_no_timeout(string timeout)
    {
        var diagnostic = Assert.Single(Validate(Webhook($"      url: http://h\n      timeout: {timeout}\n")).Diagnostics);
        Assert.Equal(ActionRules.IgnoredValue, diagnostic.Rule);
        Assert.Equal(ActionDiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("no timeout at all", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("url: 42")]
    [InlineData("url:")]
    [InlineData("url: [http://a]")]
    [InlineData("url: true")]
    public void A_webhook_url_that_is_not_a_string(string url)
    {
        Single(Webhook($"      {url}\n"), ActionRules.UrlNotString, "webhook url must be string: webhook wrong format");
    }

    [Theory]
    [InlineData("query_params: a=b", "extracting query params: unsupported query params: webhook wrong format")]
    [InlineData("query_params:", "extracting query params: unsupported query params: webhook wrong format")]
    [InlineData("query_params: {a: 1}", "extracting query params: query params single value should be of type string: webhook wrong format")]
    [InlineData("query_params: {a: [x, 2]}", "extracting query params: query params array should contains only strings: webhook wrong format")]
    [InlineData("query_params: {a: {b: c}}", "extracting query params: query params single value should be of type string: webhook wrong format")]
    [InlineData("headers: [a]", "extracting headers: unsupported headers: webhook wrong format")]
    [InlineData("headers: {X-Count: 3}", "extracting headers: headers array should contains only strings: webhook wrong format")]
    [InlineData("headers: {X-List: [a]}", "extracting headers: headers array should contains only strings: webhook wrong format")]
    public void Query_params_and_headers_of_the_wrong_shape(string property, string message)
    {
        var diagnostic = Assert.Single(Validate(Webhook($"      url: http://h\n      {property}\n")).Diagnostics);
        Assert.Equal(message, diagnostic.Message);
        Assert.Equal(ActionDiagnosticSeverity.Error, diagnostic.Severity);
    }

    [Fact]
    public void Query_params_of_strings_and_lists_of_strings_and_headers_of_strings_are_valid()
    {
        Clean(Webhook("      url: http://h\n      query_params:\n        a: x\n        b: [y, z]\n      headers:\n        X-Trace: \"1\"\n"));
    }

    [Fact]
    public void A_quoted_number_url_is_valid() => Clean(Webhook("      url: \"42\"\n"));

    [Fact]
    public void Webhook_checks_follow_lakeFS_order_for_the_instantiation_error()
    {
        var result = Validate(Webhook("      url: http://h\n      timeout: \"30\"\n      headers: [a]\n      query_params: 5\n"));
        Assert.Equal(3, result.Diagnostics.Count);
        Assert.Equal("extracting query params: unsupported query params: webhook wrong format", result.Action!.Hooks[0].InstantiationError);
    }

    [Theory]
    [InlineData("success()")]
    [InlineData("failure()")]
    [InlineData("true")]
    [InlineData("false")]
    [InlineData("success() && !failure()")]
    [InlineData("success() or failure()")]
    [InlineData("not failure()")]
    [InlineData("(success() || false) and true")]
    [InlineData("success() == true")]
    [InlineData("1 < 2")]
    public void Conditions_lakeFS_evaluates(string condition) =>
        Clean(Webhook("      url: http://h\n", $"    if: \"{condition}\"\n"));

    [Theory]
    [InlineData("always()", "unknown func always (1:1)")]
    [InlineData("${{ success() }}", "unrecognized character")]
    [InlineData("success", "expected bool, but got func() bool")]
    [InlineData("1 + 1", "expected bool, but got int")]
    [InlineData("success() &&", "unexpected end of expression (1:13)")]
    [InlineData("github.event == \"push\"", "unknown name github (1:1)")]
    [InlineData("success() && 1", "invalid operation: && (mismatched types bool and int) (1:11)")]
    [InlineData("success(1)", "too many arguments to call success (1:1)")]
    public void Conditions_that_fail_the_hook(string condition, string error)
    {
        var result = Validate(Webhook("      url: http://h\n", $"    if: '{condition}'\n"));
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(ActionRules.ConditionInvalid, diagnostic.Rule);
        Assert.Contains(error, diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(new SourcePosition(7, 9), diagnostic.Position);
        Assert.Null(result.Action!.Hooks[0].Condition);
    }

    [Theory]
    [InlineData("", true, true)]
    [InlineData("", false, false)]
    [InlineData("failure()", false, true)]
    [InlineData("true", false, true)]
    [InlineData("success() || failure()", false, true)]
    [InlineData("!success() and 2 > 1", false, true)]
    [InlineData("'a' + 'b' == 'ab'", true, true)]
    public void Conditions_evaluate(string condition, bool noEarlierFailure, bool runs)
    {
        Assert.True(HookCondition.TryParse(condition, out var parsed, out var error), error);
        Assert.Equal(runs, parsed.Evaluate(noEarlierFailure));
    }

    [Theory]
    [InlineData("[main")]
    [InlineData("main\\")]
    [InlineData("[]")]
    [InlineData("[a-]")]
    [InlineData("[-a]")]
    public void A_branch_pattern_that_is_not_a_glob(string pattern)
    {
        var diagnostic = Single($"name: Check\non:\n  pre-commit:\n    branches: ['{pattern}']\n", ActionRules.BranchPatternInvalid, "syntax error in pattern");
        Assert.Equal(new SourcePosition(4, 16), diagnostic.Position);
    }

    [Theory]
    [InlineData("url: 5", "airflow hook url property: value of url is not of type string: wrong value type")]
    [InlineData("url: \"\"", "airflow hook url property: value of url is empty: missing key in properties")]
    [InlineData("dag_id: [a]", "airflow hook DAG ID property: value of dag_id is not of type string: wrong value type")]
    [InlineData("username: ~", "airflow hook username property: value of username is not of type string: wrong value type")]
    [InlineData("timeout: 5x", "airflow hook timeout property: time: unknown unit \"x\" in duration \"5x\"")]
    [InlineData("timeout: \"\"", "airflow hook timeout property: time: invalid duration \"\"")]
    [InlineData("dag_conf: [a]", "airflow hook conf is not of type Properties: wrong value type")]
    public void Airflow_properties_of_the_wrong_shape(string property, string message)
    {
        var result = Validate(Airflow(property));
        var diagnostic = Assert.Single(result.Diagnostics, d => d.Severity == ActionDiagnosticSeverity.Error);
        Assert.Contains(diagnostic.Rule, new[] { ActionRules.AirflowProperty, ActionRules.TimeoutInvalid });
        Assert.Equal(message, diagnostic.Message);
    }

    [Fact]
    public void An_ENV_variable_outside_the_declared_names_fails_the_hook()
    {
        var options = new ActionValidationOptions { KnownEnvironmentVariables = new HashSet<string> { "LAKEFSACTION_TOKEN" } };
        Clean(Webhook("      url: http://h\n      headers:\n        Authorization: \"Bearer {{ ENV.LAKEFSACTION_TOKEN }}\"\n"), options);
        Single(Webhook("      url: http://h\n      headers:\n        Authorization: \"Bearer {{ENV.LAKEFSACTION_TOKN}}\"\n"),
            ActionRules.EnvironmentVariableMissing, "extracting headers: reading header: LAKEFSACTION_TOKN not found: missing env var", options);
        Single(Webhook("      url: http://h\n      query_params:\n        t: [\"{{ ENV.LAKEFSACTION_X }}\"]\n"),
            ActionRules.EnvironmentVariableMissing, "extracting query params: reading query param: LAKEFSACTION_X not found: missing env var", options);
    }

    [Fact]
    public void Without_declared_names_no_variable_is_assumed_missing_and_the_local_environment_is_not_read()
    {
        Environment.SetEnvironmentVariable("LAKEFSACTION_I22_LOCAL", null);
        Clean(Webhook("      url: http://h\n      headers:\n        X-Token: \"{{ ENV.LAKEFSACTION_I22_LOCAL }}\"\n"));
    }

    [Theory]
    [InlineData("args: [a]\n      script: x", "'args' should be a map: wrong value type")]
    [InlineData("args:\n      script: x", "'args' should be a map: wrong value type")]
    [InlineData("script: 5", "value of script is not of type string: wrong value type")]
    [InlineData("script: \"\"", "'script' or 'script_path' must be supplied: wrong value type")]
    [InlineData("script: \"\"\n      script_path: [a]", "value of script_path is not of type string: wrong value type")]
    [InlineData("script_path: \"\"", "'script' or 'script_path' must be supplied: wrong value type")]
    public void Lua_properties_of_the_wrong_shape(string properties, string message)
    {
        var result = Validate($"name: Check\non:\n  pre-commit:\nhooks:\n  - id: lua_hook\n    type: lua\n    properties:\n      {properties}\n");
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(ActionRules.LuaProperty, diagnostic.Rule);
        Assert.Equal(message, diagnostic.Message);
        Assert.Equal(message, result.Action!.Hooks[0].InstantiationError);
    }

    [Fact]
    public void An_empty_script_falls_back_to_script_path()
    {
        Clean("name: Check\non:\n  pre-commit:\nhooks:\n  - id: lua_hook\n    type: lua\n    properties:\n      script: \"\"\n      script_path: scripts/a.lua\n");
    }

    [Fact]
    public void ENV_references_in_lua_args_are_checked_at_any_depth()
    {
        var options = new ActionValidationOptions { KnownEnvironmentVariables = new HashSet<string> { "LAKEFSACTION_KEY" } };
        var yaml = "name: Check\non:\n  pre-commit:\nhooks:\n  - id: lua_hook\n    type: lua\n    properties:\n      script: x\n      args:\n        aws:\n          key: \"{{ ENV.LAKEFSACTION_KEY }}\"\n          nested: {deeper: [\"{{ ENV.LAKEFSACTION_SECRET }}\"]}\n";
        var result = Validate(yaml, options);
        Assert.Equal(
            ["LFA108: error parsing args: LAKEFSACTION_SECRET not found: missing env var"],
            result.Diagnostics.Select(d => $"{d.Rule}: {d.Message}"));
    }

    [Fact]
    public void An_unset_variable_before_the_last_element_of_an_args_list_does_not_fail_the_hook()
    {
        // lakeFS's DescendArgs overwrites the error on each list element: only the last element's failure survives.
        var options = new ActionValidationOptions { KnownEnvironmentVariables = new HashSet<string> { "LAKEFSACTION_KEY" } };
        var yaml = "name: Check\non:\n  pre-commit:\nhooks:\n  - id: lua_hook\n    type: lua\n    properties:\n      script: x\n      args:\n        early: [\"{{ ENV.LAKEFSACTION_SECRET }}\", \"{{ ENV.LAKEFSACTION_KEY }}\"]\n        late: [\"{{ ENV.LAKEFSACTION_KEY }}\", \"{{ ENV.LAKEFSACTION_OTHER }}\"]\n";
        var result = Validate(yaml, options);
        Assert.Equal(
            ["LFA108: error parsing args: LAKEFSACTION_OTHER not found: missing env var"],
            result.Diagnostics.Select(d => $"{d.Rule}: {d.Message}"));
    }

    [Fact]
    public void Lua_args_use_the_servers_LAKEFS_prefix_not_the_actions_prefix()
    {
        // lua.go looks args up with viper.GetEnvPrefix() ("LAKEFS"), not actions.env.prefix.
        var yaml = "name: Check\non:\n  pre-commit:\nhooks:\n  - id: lua_hook\n    type: lua\n    properties:\n      script: x\n      args:\n        a: \"{{ ENV.LAKEFS_DATABRICKS_TOKEN }}\"\n        b: \"{{ ENV.LAKEFSACTION_KEY }}\"\n        c: \"{{ ENV.AWS_SECRET }}\"\n";
        var result = Validate(yaml);
        Assert.Equal(
            ["LFA203: ENV variable 'AWS_SECRET' lacks the prefix 'LAKEFS': lakeFS silently substitutes the empty string"],
            result.Diagnostics.Select(d => $"{d.Rule}: {d.Message}"));
        var known = new ActionValidationOptions { KnownEnvironmentVariables = new HashSet<string> { "LAKEFSACTION_KEY" } };
        Assert.Contains(Validate(yaml, known).Diagnostics, d => d.Message == "error parsing args: LAKEFS_DATABRICKS_TOKEN not found: missing env var");
    }

    private static string Airflow(string property)
    {
        var properties = new Dictionary<string, string>
        {
            ["url"] = "url: http://airflow",
            ["dag_id"] = "dag_id: dag",
            ["username"] = "username: admin",
            ["password"] = "password: \"{{ ENV.LAKEFSACTION_AIRFLOW }}\"",
        };
        var key = property[..property.IndexOf(':', StringComparison.Ordinal)];
        properties[key] = property;
        return "name: Check\non:\n  pre-merge:\nhooks:\n  - id: dag\n    type: airflow\n    properties:\n" +
            string.Concat(properties.Values.Select(p => "      " + p + "\n"));
    }
}
