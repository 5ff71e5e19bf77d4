using System.Text;

namespace LakeFs.Actions.Client.Tests.ActionFiles;

/// <summary>Which actions and hooks run for an event, in lakeFS's order, with hook run ids.</summary>
public class ActionPlanTests
{
    private static ActionFolderResult Folder(params (string Name, string Yaml)[] files) =>
        new ActionFileValidator().ValidateFolder(files.Select(f => new ActionFileSource("_lakefs_actions/" + f.Name, Encoding.UTF8.GetBytes(f.Yaml))));

    private const string Lua = "    type: lua\n    properties: {script: x}\n";

    [Fact]
    public void Hook_run_ids_index_matched_actions_including_those_without_hooks()
    {
        var folder = Folder(
            ("1.yaml", "name: NoHooks\non:\n  pre-commit:\n"),
            ("2.yaml", "name: OtherEvent\non:\n  post-commit:\nhooks:\n  - id: h0\n" + Lua),
            ("3.yaml", "name: Two\non:\n  pre-commit:\n    branches: [main]\nhooks:\n  - id: first\n" + Lua + "  - id: second\n" + Lua));
        var plan = folder.Plan(ActionEventType.PreCommit, "main");
        Assert.Null(plan.Error);
        Assert.Equal(["NoHooks", "Two"], plan.Actions.Select(a => a.Action.Name));
        Assert.Equal(["0001_0000", "0001_0001"], plan.Hooks.Select(h => h.HookRunId));
        Assert.Equal(["first", "second"], plan.Hooks.Select(h => h.Hook.Id));
        Assert.Equal("_lakefs_actions/3.yaml", plan.Hooks[0].Action.Path);
    }

    [Theory]
    [InlineData("main", true)]
    [InlineData("feature-x", true)]
    [InlineData("feature", false)]
    [InlineData("release-1", true)]
    [InlineData("release-12", false)]
    [InlineData("Main", false)]
    public void Branches_match_with_go_globs(string branch, bool matches)
    {
        var folder = Folder(("a.yaml", "name: Alpha\non:\n  pre-merge:\n    branches: [main, 'feature-*', 'release-?']\n"));
        Assert.Equal(matches, folder.Plan(ActionEventType.PreMerge, branch).Actions.Count == 1);
    }

    [Fact]
    public void A_bad_pattern_refuses_only_when_reached()
    {
        var folder = Folder(("a.yaml", "name: Alpha\non:\n  pre-commit:\n    branches: [main, '[oops']\n"));
        Assert.Contains(folder.Diagnostics, d => d.Rule == ActionRules.BranchPatternInvalid);
        Assert.Null(folder.LoadError);
        Assert.Null(folder.Plan(ActionEventType.PreCommit, "main").Error);
        var refused = folder.Plan(ActionEventType.PreCommit, "dev");
        Assert.Equal("syntax error in pattern", refused.Error);
        Assert.Equal(500, refused.ErrorStatusCode);
        Assert.True(refused.IsRefused);
        Assert.Null(folder.Plan(ActionEventType.PostCommit, "dev").Error);
    }

    [Fact]
    public void Tag_events_never_have_a_branch()
    {
        var folder = Folder(("a.yaml", "name: Alpha\non:\n  pre-create-tag:\n"));
        var plan = folder.Plan(ActionEventType.PreCreateTag, "main");
        Assert.Null(plan.BranchId);
        Assert.Single(plan.Actions);
    }

    [Fact]
    public void An_invalid_folder_plans_nothing_and_carries_the_load_error()
    {
        var folder = Folder(("a.yaml", "name: Alpha\non:\n  pre-commit:\n"), ("b.yaml", "name: x\n"));
        var plan = folder.Plan(ActionEventType.PreCommit, "main");
        Assert.Empty(plan.Hooks);
        Assert.Equal(folder.LoadError, plan.Error);
        Assert.StartsWith("1 error occurred:", plan.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_no_action_has_plans_nothing() =>
        Assert.Empty(Folder(("a.yaml", "name: Alpha\non:\n  pre-commit:\n")).Plan(ActionEventType.PostMerge, "main").Actions);

    [Fact]
    public void The_first_hook_that_fails_to_build_refuses_the_operation()
    {
        var folder = Folder(("a.yaml", "name: Alpha\non:\n  pre-commit:\nhooks:\n  - id: ok\n" + Lua + "  - id: bad\n    type: webhook\n    properties: {url: 5}\n"));
        var plan = folder.Plan(ActionEventType.PreCommit, "main");
        Assert.Equal("webhook url must be string: webhook wrong format", plan.InstantiationError);
        Assert.True(plan.IsRefused);
        Assert.Null(folder.Plan(ActionEventType.PostCommit, "main").InstantiationError);
    }

    [Fact]
    public void Matches_throws_syntax_error_in_pattern_like_lakeFS()
    {
        var action = Folder(("a.yaml", "name: Alpha\non:\n  pre-commit:\n    branches: ['[']\n")).Actions[0];
        Assert.Equal("syntax error in pattern", Assert.Throws<FormatException>(() => action.Matches(ActionEventType.PreCommit, "main")).Message);
    }

    [Fact]
    public void Event_types_are_extensible_values()
    {
        Assert.True(ActionEventType.TryParseKnown("pre-merge", out var preMerge));
        Assert.Equal(ActionEventType.PreMerge, preMerge);
        Assert.False(ActionEventType.TryParseKnown("pre_merge", out _));
        var future = new ActionEventType("pre-squash");
        Assert.False(future.IsKnown);
        Assert.Equal("pre-squash", future.ToString());
        Assert.True(ActionEventType.PostDeleteTag.IsTagEvent);
        Assert.True(ActionEventType.PrepareCommit.IsPreEvent);
        Assert.False(ActionEventType.PostCommit.IsPreEvent);
    }
}
