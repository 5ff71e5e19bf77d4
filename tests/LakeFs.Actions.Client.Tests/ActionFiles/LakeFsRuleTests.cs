using static LakeFs.Actions.Client.Tests.ActionFiles.ActionFileAssert;

namespace LakeFs.Actions.Client.Tests.ActionFiles;

/// <summary>lakeFS's load rules (1-11) and yaml.v3's errors, each with lakeFS's own text.</summary>
public class LakeFsRuleTests
{
    [Fact]
    public void An_empty_file_has_no_name()
    {
        var result = Validate(string.Empty);
        Assert.Equal([ActionRules.NameRequired, ActionRules.OnRequired], result.Diagnostics.Select(d => d.Rule));
        Assert.Equal("parsing file _lakefs_actions/a.yaml: 'name' is required: invalid action", result.LakeFsError);
    }

    [Fact]
    public void Rule_1_name_required_comes_before_on_required()
    {
        var result = Validate("description: nothing else\n");
        Assert.Equal("parsing file _lakefs_actions/a.yaml: 'name' is required: invalid action", result.LakeFsError);
        Assert.Equal([ActionRules.NameRequired, ActionRules.OnRequired], result.Diagnostics.Select(d => d.Rule));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("-check")]
    [InlineData("check/commit")]
    [InlineData("naïve check")]
    [InlineData("\"check\\n\"")]
    public void Rule_2_name_must_match_lakeFS_pattern(string name)
    {
        var diagnostic = Single($"name: {name}\non:\n  pre-commit:\n", ActionRules.NameInvalid, "'name' is invalid: invalid action");
        Assert.Equal(new SourcePosition(1, 7), diagnostic.Position);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("Check commit 1.2")]
    [InlineData("_x-y")]
    [InlineData("123")]
    public void Names_lakeFS_accepts(string name) => Clean($"name: {name}\non:\n  pre-commit:\n");

    [Theory]
    [InlineData("on:\n")]
    [InlineData("on: {}\n")]
    [InlineData("")]
    public void Rule_3_on_required(string on)
    {
        var result = Validate("name: Check\n" + on);
        Assert.Equal(ActionRules.OnRequired, Assert.Single(result.Diagnostics).Rule);
        Assert.Equal("parsing file _lakefs_actions/a.yaml: 'on' is required: invalid action", result.LakeFsError);
    }

    [Theory]
    [InlineData("pre_commit")]
    [InlineData("pre-comit")]
    [InlineData("Pre-Commit")]
    [InlineData("commit")]
    public void Rule_4_unknown_event(string eventName)
    {
        var diagnostic = Single($"name: Check\non:\n  {eventName}:\n", ActionRules.EventUnsupported, $"event '{eventName}' is not supported: invalid action");
        Assert.Equal(new SourcePosition(3, 3), diagnostic.Position);
    }

    [Fact]
    public void Every_one_of_the_17_events_is_accepted()
    {
        Assert.Equal(17, ActionEventType.Known.Count);
        foreach (var eventType in ActionEventType.Known)
        {
            Clean($"name: Check\non:\n  {eventType}:\n");
        }
    }

    [Theory]
    [InlineData("pre-create-tag:\n    branches: [main]")]
    [InlineData("post-delete-tag:\n    branches: [main, dev]")]
    [InlineData("pre-delete-tag:\n    branches:\n      - '*'")]
    public void Rule_5_tag_events_take_no_branches(string on)
    {
        var result = Validate($"name: Check\non:\n  {on}\n");
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(ActionRules.TagEventParameters, diagnostic.Rule);
        Assert.Equal("parsing file _lakefs_actions/a.yaml: 'branches' is not supported in tag event types. invalid event parameter", result.LakeFsError);
    }

    [Fact]
    public void A_tag_event_with_a_null_value_is_valid() => Clean("name: Check\non:\n  pre-create-tag:\n  post-create-tag: ~\n");

    [Theory]
    [InlineData("post-delete-tag: {}")]
    [InlineData("pre-delete-tag:\n    branches: []")]
    [InlineData("pre-create-tag:\n    branches: ~")]
    public void A_tag_event_without_branches_loads_as_lakeFS_only_refuses_a_non_empty_list(string on) =>
        Clean($"name: Check\non:\n  {on}\n");

    [Theory]
    [InlineData("")]
    [InlineData("id: a")]
    [InlineData("id: 1abc")]
    [InlineData("id: has.dot")]
    [InlineData("id: has space")]
    public void Rule_6_hook_id_pattern(string idLine)
    {
        var yaml = $"name: Check\non:\n  pre-commit:\nhooks:\n  - type: webhook\n    {idLine}\n    properties:\n      url: http://x\n";
        var result = Validate(yaml);
        Assert.Equal(ActionRules.HookIdInvalid, Assert.Single(result.Diagnostics).Rule);
        Assert.Equal("parsing file _lakefs_actions/a.yaml: hook[0] missing ID: invalid action", result.LakeFsError);
    }

    [Fact]
    public void Rule_7_duplicate_hook_id_names_the_second_index()
    {
        var yaml = "name: Check\non:\n  pre-commit:\nhooks:\n  - id: check\n    type: lua\n    properties: {script: x}\n  - id: check\n    type: lua\n    properties: {script: y}\n";
        var diagnostic = Single(yaml, ActionRules.HookIdDuplicate, "hook[1] duplicate ID 'check': invalid action");
        Assert.Equal(new SourcePosition(8, 9), diagnostic.Position);
    }

    [Fact]
    public void Rule_8_unknown_type_prints_the_hook_id_not_the_type()
    {
        Single("name: Check\non:\n  pre-commit:\nhooks:\n  - id: my_hook\n    type: http\n    properties: {url: x}\n",
            ActionRules.HookTypeUnknown, "hook[0] type 'my_hook' unknown: invalid action");
    }

    [Theory]
    [InlineData("")]
    [InlineData("    properties:\n")]
    [InlineData("    properties: ~\n")]
    public void Rule_9_properties_missing(string properties)
    {
        var yaml = "name: Check\non:\n  pre-commit:\nhooks:\n  - id: my_hook\n    type: webhook\n" + properties;
        Single(yaml, ActionRules.PropertiesMissing, "hook[0] type 'webhook': missing hook properties: invalid action");
    }

    [Fact]
    public void A_misindented_properties_block_reads_as_missing_properties()
    {
        var yaml = "name: Check\non:\n  pre-commit:\nhooks:\n  - id: my_hook\n    type: webhook\n    properties:\n    url: http://x\n";
        var result = Validate(yaml);
        Assert.Contains(result.Diagnostics, d => d.Rule == ActionRules.PropertiesMissing);
        Assert.Contains(result.Diagnostics, d => d.Rule == ActionRules.UnknownKey && d.Message.Contains("'url'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("webhook", "{timeout: 1m}", "'url'")]
    [InlineData("airflow", "{url: http://a, dag_id: d, username: u}", "'password'")]
    [InlineData("airflow", "{}", "'url'")]
    [InlineData("lua", "{args: {}}", "'script' or 'script_path'")]
    public void Rule_10_required_properties(string type, string properties, string key)
    {
        var yaml = $"name: Check\non:\n  pre-commit:\nhooks:\n  - id: my_hook\n    type: {type}\n    properties: {properties}\n";
        var result = Validate(yaml);
        var diagnostic = Assert.Single(result.Diagnostics, d => d.Severity == ActionDiagnosticSeverity.Error);
        Assert.Equal(ActionRules.PropertyRequired, diagnostic.Rule);
        Assert.Equal($"hook[0] type '{type}': {key} must be supplied in properties: invalid action", diagnostic.Message);
    }

    [Fact]
    public void Rule_10_checks_presence_only_a_null_script_path_passes_loading_and_fails_building()
    {
        var result = Validate("name: Check\non:\n  pre-commit:\nhooks:\n  - id: my_hook\n    type: lua\n    properties:\n      script_path:\n");
        Assert.Null(result.LakeFsError);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(ActionRules.LuaProperty, diagnostic.Rule);
        Assert.Equal("value of script_path is not of type string: wrong value type", diagnostic.Message);
    }

    [Fact]
    public void The_first_failing_hook_is_what_lakeFS_reports_but_every_failure_is_listed()
    {
        var yaml = "name: Check\non:\n  pre-commit:\nhooks:\n  - id: ok_hook\n    type: nope\n  - id: x\n    type: webhook\n";
        var result = Validate(yaml);
        Assert.Equal("parsing file _lakefs_actions/a.yaml: hook[0] type 'ok_hook' unknown: invalid action", result.LakeFsError);
        Assert.Equal([ActionRules.HookTypeUnknown, ActionRules.PropertiesMissing, ActionRules.HookIdInvalid], result.Diagnostics.Select(d => d.Rule));
    }

    [Fact]
    public void An_action_without_hooks_is_valid() => Clean("name: Check\non:\n  pre-commit:\n    branches: [main]\n");

    [Fact]
    public void A_scalar_where_a_list_belongs_is_a_yaml_v3_unmarshal_error()
    {
        var result = Validate("name: Check\non:\n  pre-commit:\n    branches: main\n");
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(ActionRules.YamlShape, diagnostic.Rule);
        Assert.Equal("cannot unmarshal !!str `main` into []string", diagnostic.Message);
        Assert.Equal(new SourcePosition(4, 15), diagnostic.Position);
        Assert.Equal("parsing file _lakefs_actions/a.yaml: yaml: unmarshal errors:\n  line 4: cannot unmarshal !!str `main` into []string", result.LakeFsError);
        Assert.Null(result.Action);
    }

    [Fact]
    public void Unmarshal_errors_are_collected_and_long_values_shortened_as_yaml_v3_does()
    {
        var result = Validate("name: [a, b]\non:\n  pre-commit: refs/heads/main\nhooks: {id: x}\n");
        Assert.Equal(
            "parsing file _lakefs_actions/a.yaml: yaml: unmarshal errors:\n  line 1: cannot unmarshal !!seq into string\n" +
            "  line 3: cannot unmarshal !!str `refs/he...` into actions.ActionOn\n  line 4: cannot unmarshal !!map into []actions.ActionHook",
            result.LakeFsError);
    }

    [Theory]
    [InlineData("hello", "cannot unmarshal !!str `hello` into actions.Action")]
    [InlineData("- a\n- b", "cannot unmarshal !!seq into actions.Action")]
    [InlineData("42", "cannot unmarshal !!int `42` into actions.Action")]
    public void A_document_that_is_not_a_mapping(string yaml, string message) => Single(yaml, ActionRules.YamlShape, message);

    [Fact]
    public void Properties_of_the_wrong_shape()
    {
        var yaml = "name: Check\non:\n  pre-commit:\nhooks:\n  - id: check\n    type: lua\n    properties: [script]\n";
        Single(yaml, ActionRules.YamlShape, "cannot unmarshal !!seq into actions.Properties");
    }

    [Fact]
    public void A_duplicate_key_is_reported_as_yaml_v3_does()
    {
        var result = Validate("name: Check\non:\n  pre-commit:\n  post-commit:\n  pre-commit:\n");
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("mapping key \"pre-commit\" already defined at line 3", diagnostic.Message);
        Assert.Equal(5, diagnostic.Line);
        Assert.Equal("parsing file _lakefs_actions/a.yaml: yaml: unmarshal errors:\n  line 5: mapping key \"pre-commit\" already defined at line 3", result.LakeFsError);
    }

    [Fact]
    public void A_syntax_error_is_reported_with_its_line()
    {
        var result = Validate("name: Check\non:\n  pre-commit:\n    branches: [main\nhooks: x: y\n");
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(ActionRules.YamlSyntax, diagnostic.Rule);
        Assert.StartsWith("yaml: line ", diagnostic.Message, StringComparison.Ordinal);
        Assert.StartsWith("parsing file _lakefs_actions/a.yaml: yaml: line ", result.LakeFsError, StringComparison.Ordinal);
    }

    [Fact]
    public void Mapping_values_not_allowed_reads_as_libyaml_words_it()
    {
        var diagnostic = Assert.Single(Validate("name: Check\non: a: b\n").Diagnostics);
        Assert.Equal("yaml: line 2: mapping values are not allowed in this context", diagnostic.Message);
    }

    [Fact]
    public void A_parser_error_prints_the_line_as_yaml_v3_does_and_points_at_the_real_place()
    {
        // yaml.v3 prints libyaml's 0-based line for parser errors (scanner errors get one added).
        var diagnostic = Assert.Single(Validate("name: Check\nhooks\n").Diagnostics);
        Assert.StartsWith("yaml: line 1: ", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(new SourcePosition(2, 1), diagnostic.Position);
        var parser = Assert.Single(Validate("name: Check\non:\n  pre-commit:\n- x\n").Diagnostics);
        Assert.Equal(ActionRules.YamlSyntax, parser.Rule);
        Assert.Equal(4, parser.Line);
        Assert.StartsWith("yaml: ", parser.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("line 4", parser.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tab_reads_as_libyaml_words_it()
    {
        // After a plain scalar, libyaml's plain-scalar scanner meets the tab first.
        var diagnostic = Assert.Single(Validate("name: Check\n\ton: x\n").Diagnostics);
        Assert.Equal("yaml: line 2: found a tab character that violates indentation", diagnostic.Message);
        Assert.Equal(new SourcePosition(2, 1), diagnostic.Position);
    }

    [Theory]
    [InlineData("name: Check\non:\n\tpre-commit:\n", "yaml: line 3: found character that cannot start any token", 3)]
    [InlineData("name: Check\non:\n  pre-commit:\n\t# a comment\n", "yaml: line 4: found character that cannot start any token", 4)]
    [InlineData("name: Check\non:\n  pre-commit:\n\t\n", "yaml: line 4: found character that cannot start any token", 4)]
    [InlineData("\tname: Check\n", "yaml: found character that cannot start any token", 1)]
    [InlineData("name: Check\non:\n  pre-commit:\n    branches: main\n\tfoo: x\n", "yaml: line 4: found a tab character that violates indentation", 5)]
    public void A_tab_in_indentation_gets_libyamls_line_and_words(string yaml, string message, int line)
    {
        var result = Validate(yaml);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(ActionRules.YamlSyntax, diagnostic.Rule);
        Assert.Equal(message, diagnostic.Message);
        Assert.Equal(line, diagnostic.Line);
        Assert.Equal("parsing file _lakefs_actions/a.yaml: " + message, result.LakeFsError);
    }

    [Theory]
    [InlineData("name: Check\non:\n  pre-commit:\n    branches:\n    -\tmain\n", 5, 6)]
    [InlineData("name: Check\non:\n  pre-commit:\n    branches:\n      - \tmain\n", 5, 9)]
    public void A_tab_after_a_sequence_dash_is_refused_as_libyaml_does(string yaml, int line, int column)
    {
        var diagnostic = Assert.Single(Validate(yaml).Diagnostics);
        Assert.Equal(ActionRules.YamlSyntax, diagnostic.Rule);
        Assert.Equal($"yaml: line {line}: found character that cannot start any token", diagnostic.Message);
        Assert.Equal(new SourcePosition(line, column), diagnostic.Position);
    }

    [Theory]
    [InlineData("name:\tCheck\non:\n  pre-commit:\n")]
    [InlineData("name: Check\t# trailing\non:\n  pre-commit:\n")]
    [InlineData("name: Check\non:\n  pre-commit:\n    branches: [\tmain]\n")]
    [InlineData("name: \"Check\"\t\non:\n  pre-commit:\n")]
    public void A_tab_after_a_simple_keys_colon_or_inside_a_line_is_fine(string yaml) => Clean(yaml);

    [Fact]
    public void A_tab_inside_a_block_scalar_is_content()
    {
        Clean("name: Check\non:\n  pre-commit:\nhooks:\n  - id: check\n    type: lua\n    properties:\n      script: |\n        if true then\n        \tprint(1)\n        -\tnot a list\n        end\n");
    }

    [Fact]
    public void Only_the_first_document_is_read()
    {
        Clean("name: Check\non:\n  pre-commit:\n---\nname: [broken\n");
    }

    [Fact]
    public void Scalars_of_any_type_become_strings_where_lakeFS_expects_a_string()
    {
        var result = Validate("name: 2024\non:\n  pre-commit:\nhooks:\n  - id: h1\n    type: lua\n    description: 12\n    properties: {script: x}\n");
        Assert.Empty(result.Diagnostics);
        Assert.Equal("2024", result.Action!.Name);
    }

    [Fact]
    public void Anchors_and_aliases_are_followed()
    {
        var yaml = "name: Check\non:\n  pre-commit: &branches\n    branches: [main]\n  post-commit: *branches\n";
        var result = Validate(yaml);
        Assert.Empty(result.Diagnostics);
        Assert.Equal("main", result.Action!.FindTrigger(ActionEventType.PostCommit)!.Branches[0].Pattern);
    }

    [Fact]
    public void Merge_keys_fill_a_hook_and_explicit_keys_win()
    {
        var yaml = "name: Check\non:\n  pre-commit:\nx-defaults: &d\n  type: lua\n  id: base\n  properties: {script: x}\nhooks:\n  - <<: *d\n    id: mine\n";
        var result = Validate(yaml);
        Assert.Equal(ActionRules.UnknownKey, Assert.Single(result.Diagnostics).Rule);
        var hook = Assert.Single(result.Action!.Hooks);
        Assert.Equal("mine", hook.Id);
        Assert.Equal("lua", hook.Type);
    }
}
