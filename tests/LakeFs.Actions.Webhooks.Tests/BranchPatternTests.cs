using LakeFs.Actions.Samples.RequireOwner;

namespace LakeFs.Actions.Webhooks.Tests;

public sealed class BranchPatternTests
{
    [Theory]
    [InlineData("main", "main", true)]
    [InlineData("main", "Main", false)]
    [InlineData("main", "main-2", false)]
    [InlineData("release-*", "release-1", true)]
    [InlineData("release-*", "release-", true)]
    [InlineData("release-*", "release", false)]
    [InlineData("*", "anything", true)]
    [InlineData("**", "anything", true)]
    [InlineData("*-prod", "eu-west-prod", true)]
    [InlineData("*-prod", "eu-west-prod2", false)]
    [InlineData("v?", "v1", true)]
    [InlineData("v?", "v10", false)]
    [InlineData("[a-c]x", "bx", true)]
    [InlineData("[a-c]x", "dx", false)]
    [InlineData("[^a-c]x", "dx", true)]
    [InlineData("[^a-c]x", "ax", false)]
    [InlineData("[ab-]", "-", false)]
    [InlineData("a\\*b", "a*b", true)]
    [InlineData("a\\*b", "axb", false)]
    [InlineData("*a*a*a*a*a*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false)]
    public void Matches_like_go_path_match(string pattern, string branch, bool expected)
    {
        if (pattern == "[ab-]")
        {
            Assert.Throws<ArgumentException>(() => new BranchPattern(pattern));
            return;
        }

        Assert.Equal(expected, new BranchPattern(pattern).Matches(branch));
    }

    [Theory]
    [InlineData("[main")]
    [InlineData("main\\")]
    [InlineData("[]")]
    [InlineData("[-a]")]
    [InlineData("[a-]")]
    public void A_malformed_pattern_is_refused_at_start_up(string pattern)
    {
        var error = Assert.Throws<ArgumentException>(() => new BranchPattern(pattern));

        Assert.Contains($"'{pattern}' is not a valid glob", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_is_main_and_a_bad_configured_pattern_stops_the_service()
    {
        Assert.Equal(["main"], new OwnerRule(new RequireOwnerOptions()).Patterns.Select(p => p.ToString()));
        Assert.Throws<ArgumentException>(() => new OwnerRule(new RequireOwnerOptions { Branches = ["[x"] }));
        Assert.Throws<ArgumentException>(() => new OwnerRule(new RequireOwnerOptions { MetadataKey = " " }));
    }
}
