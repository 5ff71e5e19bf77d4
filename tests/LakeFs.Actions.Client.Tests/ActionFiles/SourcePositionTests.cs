using static LakeFs.Actions.Client.Tests.ActionFiles.ActionFileAssert;

namespace LakeFs.Actions.Client.Tests.ActionFiles;

/// <summary>Every model node carries its line and column, in block, flow and multi-document YAML.</summary>
public class SourcePositionTests
{
    [Fact]
    public void Block_style_positions()
    {
        var action = Validate("""
            # comment
            name: Check
            on:
              pre-commit:
                branches:
                  - main
            hooks:
              - id: notify
                type: webhook
                if: success()
                properties:
                  url: http://h
            """).Action!;
        Assert.Equal(new SourcePosition(2, 7), action.NamePosition);
        Assert.Equal(new SourcePosition(3, 1), action.OnPosition);
        Assert.Equal(new SourcePosition(4, 3), action.On[0].Position);
        Assert.Equal(new SourcePosition(6, 9), action.On[0].Branches[0].Position);
        var hook = action.Hooks[0];
        Assert.Equal(new SourcePosition(8, 5), hook.Position);
        Assert.Equal(new SourcePosition(8, 9), hook.IdPosition);
        Assert.Equal(new SourcePosition(9, 11), hook.TypePosition);
        Assert.Equal(new SourcePosition(10, 9), hook.IfPosition);
        Assert.Equal(new SourcePosition(11, 5), hook.PropertiesPosition);
        Assert.True(hook.Properties!.TryGetValue("url", out var url));
        Assert.Equal(new SourcePosition(12, 12), url.Position);
    }

    [Fact]
    public void Flow_style_positions()
    {
        var result = Validate("{name: Check, on: {pre-commit: {branches: [main, '[bad']}}, hooks: [{id: h1, type: lua, properties: {script: x}, iff: true}]}");
        var action = result.Action!;
        Assert.Equal(new SourcePosition(1, 8), action.NamePosition);
        Assert.Equal(new SourcePosition(1, 44), action.On[0].Branches[0].Position);
        Assert.Equal(new SourcePosition(1, 50), action.On[0].Branches[1].Position);
        Assert.Equal(new SourcePosition(1, 69), action.Hooks[0].Position);
        Assert.Equal(
            ["1:50: error LFA101: syntax error in pattern", "1:114: warning LFA201: unknown key 'iff' in a hook is ignored by lakeFS; did you mean 'if'?"],
            result.Diagnostics.Select(d => $"{d.Position}: {(d.Severity == ActionDiagnosticSeverity.Error ? "error" : "warning")} {d.Rule}: {d.Message}"));
    }

    [Fact]
    public void Positions_in_the_first_of_several_documents_and_later_documents_are_ignored()
    {
        var result = Validate("---\nname: Check\non:\n  pre-commit:\n    branches: ['[x']\n---\nname: Other\non: {}\n...\n");
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(new SourcePosition(5, 16), diagnostic.Position);
        Assert.Equal("Check", result.Action!.Name);
    }

    [Fact]
    public void A_diagnostic_prints_compiler_style()
    {
        var diagnostic = Assert.Single(Validate("name: x\non:\n  pre-commit:\n").Diagnostics);
        Assert.Equal("_lakefs_actions/a.yaml:1:7: error LFA004: 'name' is invalid: invalid action", diagnostic.ToString());
    }

    [Fact]
    public void Property_values_convert_as_lakeFS_decodes_them()
    {
        var hook = Validate("name: Check\non:\n  pre-commit:\nhooks:\n  - id: h1\n    type: lua\n    properties:\n      script: x\n      args: {n: 3, f: 1.5, b: true, s: '3', d: 2024-01-02, z: ~, l: [a, 0x1F]}\n").Action!.Hooks[0];
        Assert.True(hook.Properties!.TryGetValue("args", out var args));
        var plain = Assert.IsType<Dictionary<string, object?>>(args.ToPlainValue());
        Assert.Equal(3L, plain["n"]);
        Assert.Equal(1.5, plain["f"]);
        Assert.Equal(true, plain["b"]);
        Assert.Equal("3", plain["s"]);
        Assert.Equal("2024-01-02", plain["d"]);
        Assert.Null(plain["z"]);
        Assert.Equal(new List<object?> { "a", 31L }, plain["l"]);
    }
}
