
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

    [Theory]
    [InlineData("{{  ENV.LAKEFSACTION_TOKEN }}", "{{  ENV.LAKEFSACTION_TOKEN }}", false)]
    [InlineData("{{ENV.LAKEFSACTION_TOKEN  }}", "t0k", true)]
    [InlineData("{{ ENV.LAKEFSACTION_TOKEN}}", "t0k", true)]
    [InlineData("{{{ ENV.LAKEFSACTION_TOKEN }}}", "{t0k}", true)]
    [InlineData("{{ env.LAKEFSACTION_TOKEN }}", "{{ env.LAKEFSACTION_TOKEN }}", false)]
    [InlineData("{{ ENV.LAKEFSACTION_TOKEN }", "{{ ENV.LAKEFSACTION_TOKEN }", false)]
    [InlineData("{{ ENV.LAKEFSACTION_\nTOKEN }}", "{{ ENV.LAKEFSACTION_\nTOKEN }}", false)]
    [InlineData("{{ ENV.LAKEFSACTION_TOKEN}}{{ENV.LAKEFSACTION_B}}", "t0kb", true)]
    [InlineData("{{ ENV. }}", "", true)]
    [InlineData("a {{ ENV.OTHER }} b {{ ENV.LAKEFSACTION_B }} c", "a  b b c", true)]
    public void Matches_lakeFS_reference_grammar(string value, string expected, bool secret)
    {
        Assert.True(EnvironmentSubstitution.TrySubstitute(value, Server.GetValueOrDefault, out var result, out var isSecret, out var error), error);
        Assert.Equal(expected, result);
        Assert.Equal(secret, isSecret);
    }

    [Theory]
    [InlineData("{{ ENV.LAKEFSACTION_A.B }}", "LAKEFSACTION_A.B not found: missing env var")]
    [InlineData("{{ ENV.LAKEFSACTION_TOKEN }} {{ ENV.LAKEFSACTION_NOPE }} {{ ENV.LAKEFSACTION_GONE }}", "LAKEFSACTION_NOPE not found: missing env var")]
    public void The_first_missing_variable_is_the_error(string value, string expected)
    {
        Assert.False(EnvironmentSubstitution.TrySubstitute(value, Server.GetValueOrDefault, out var result, out var secret, out var error));
        Assert.Equal(expected, error);
        Assert.Equal(string.Empty, result);
        Assert.False(secret);
    }

    [Fact]
    public void An_empty_prefix_looks_every_name_up_and_another_prefix_blanks_the_rest()
    {
        Assert.False(EnvironmentSubstitution.TrySubstitute("{{ ENV.TOKEN }}", Server.GetValueOrDefault, out _, out _, out var error, prefix: string.Empty));
        Assert.Equal("TOKEN not found: missing env var", error);
        Assert.True(EnvironmentSubstitution.TrySubstitute("{{ ENV.LAKEFSACTION_TOKEN }}", Server.GetValueOrDefault, out var result, out var secret, out _, prefix: "COMPLEX"));
        Assert.Equal(string.Empty, result);
        Assert.True(secret);
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
