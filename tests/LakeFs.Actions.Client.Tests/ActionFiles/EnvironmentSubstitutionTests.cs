using LakeFs.Actions.Client.ActionFiles;

namespace LakeFs.Actions.Client.Tests.ActionFiles;

/// <summary>lakeFS's <c>{{ ENV.NAME }}</c> substitution, for a runtime that builds hooks.</summary>
public class EnvironmentSubstitutionTests
{
    private static readonly Dictionary<string, string> Server = new() { ["LAKEFSACTION_TOKEN"] = "t0k", ["LAKEFSACTION_B"] = "b" };

    [Theory]
    [InlineData("plain", "plain", false)]
    [InlineData("Bearer {{ ENV.LAKEFSACTION_TOKEN }}", "Bearer t0k", true)]
    [InlineData("{{ENV.LAKEFSACTION_TOKEN}}-{{ ENV.LAKEFSACTION_B }}", "t0k-b", true)]
    [InlineData("x{{ ENV.TOKEN }}y", "xy", true)]
    [InlineData("{{ OTHER.X }}", "{{ OTHER.X }}", false)]
    public void Substitutes_as_lakeFS_does(string value, string expected, bool secret)
    {
        Assert.True(EnvironmentSubstitution.TrySubstitute(value, Server.GetValueOrDefault, out var result, out var isSecret, out var error));
        Assert.Null(error);
        Assert.Equal(expected, result);
        Assert.Equal(secret, isSecret);
    }

    [Fact]
    public void A_missing_prefixed_variable_is_lakeFS_error()
    {
        Assert.False(EnvironmentSubstitution.TrySubstitute("{{ ENV.LAKEFSACTION_NOPE }}", Server.GetValueOrDefault, out _, out _, out var error));
        Assert.Equal("LAKEFSACTION_NOPE not found: missing env var", error);
    }

    [Fact]
    public void Disabled_substitution_gives_the_empty_string()
    {
        Assert.True(EnvironmentSubstitution.TrySubstitute("a{{ ENV.LAKEFSACTION_TOKEN }}", Server.GetValueOrDefault, out var result, out var secret, out _, enabled: false));
        Assert.Equal("a", result);
        Assert.True(secret);
    }
}
