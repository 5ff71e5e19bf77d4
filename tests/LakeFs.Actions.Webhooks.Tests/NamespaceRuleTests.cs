namespace LakeFs.Actions.Webhooks.Tests;

/// <summary>The package's types are all in its root namespace; folders group files, they are not namespaces.</summary>
public sealed class NamespaceRuleTests
{
    [Fact]
    public void Every_type_of_the_package_is_in_its_root_namespace()
    {
        var ours = typeof(LakeFsEvent).Assembly.GetTypes()
            .Where(type => type.Namespace?.StartsWith("LakeFs.", StringComparison.Ordinal) == true)
            .ToList();

        Assert.NotEmpty(ours);
        Assert.All(ours, type => Assert.True(type.Namespace == "LakeFs.Actions.Webhooks", $"{type.FullName} is outside LakeFs.Actions.Webhooks"));
    }
}
