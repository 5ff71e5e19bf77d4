using System.Reflection;
using LakeFs.Actions.Client;
using LakeFs.Actions.Client.Testing;

namespace LakeFs.Actions.Cli.Tests;

/// <summary>
/// The rule for folders and namespaces: each shipped project has one namespace, its root (one <c>using</c> per
/// package); folders group files by feature and are not namespaces. Types emitted by generators into other
/// namespaces (<c>System.*</c>, <c>Microsoft.*</c>) and the top-level <c>Program</c> are not ours to place.
/// </summary>
public sealed class NamespaceRuleTests
{
    public static TheoryData<string, string> Assemblies() => new()
    {
        { typeof(LakeFsActionsClient).Assembly.GetName().Name!, "LakeFs.Actions.Client" },
        { typeof(LakeFsActionsEmulator).Assembly.GetName().Name!, "LakeFs.Actions.Client.Testing" },
        { typeof(CliApplication).Assembly.GetName().Name!, "LakeFs.Actions.Cli" },
    };

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void Every_type_of_a_shipped_project_is_in_its_root_namespace(string assembly, string root)
    {
        var ours = Assembly.Load(assembly).GetTypes()
            .Where(type => type.Namespace?.StartsWith("LakeFs.", StringComparison.Ordinal) == true)
            .ToList();

        Assert.NotEmpty(ours);
        Assert.All(ours, type => Assert.True(type.Namespace == root, $"{type.FullName} is outside {root}"));
    }
}
