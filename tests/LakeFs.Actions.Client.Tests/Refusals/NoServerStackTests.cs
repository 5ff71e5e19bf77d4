namespace LakeFs.Actions.Client.Tests.Refusals;

public sealed class NoServerStackTests
{
    [Fact]
    public void The_client_assembly_does_not_reference_ASP_NET_Core() =>
        Assert.DoesNotContain(typeof(LakeFsActionsClient).Assembly.GetReferencedAssemblies(), name => name.Name!.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
}
