
namespace LakeFs.Actions.Client.Tests.ActionFiles;

/// <summary>Shortcuts for validating YAML text in tests.</summary>
internal static class ActionFileAssert
{
    public const string Path = "_lakefs_actions/a.yaml";

    public static ActionFileResult Validate(string yaml, ActionValidationOptions? options = null) =>
        new ActionFileValidator(options).ValidateFile(Path, yaml);

    /// <summary>The file has exactly one diagnostic, with this rule and message; returns it.</summary>
    public static ActionDiagnostic Single(string yaml, string rule, string message, ActionValidationOptions? options = null)
    {
        var result = Validate(yaml, options);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(rule, diagnostic.Rule);
        Assert.Equal(message, diagnostic.Message);
        return diagnostic;
    }

    public static void Clean(string yaml, ActionValidationOptions? options = null)
    {
        var result = Validate(yaml, options);
        Assert.Empty(result.Diagnostics.Select(d => d.ToString()));
        Assert.Null(result.LakeFsError);
        Assert.NotNull(result.Action);
    }

    public static string Webhook(string properties, string extraHookKeys = "") => $"""
        name: Check
        on:
          pre-commit:
        hooks:
          - id: check
            type: webhook
        {extraHookKeys}    properties:
        {properties}
        """;
}
