
namespace LakeFs.Actions.Client.Tests.ActionFiles;

/// <summary>Go's <c>path.Match</c>, case by case (the cases of Go's own match tests that apply to branch names).</summary>
public class GoPathPatternTests
{
    [Theory]
    [InlineData("abc", "abc", true)]
    [InlineData("*", "abc", true)]
    [InlineData("*c", "abc", true)]
    [InlineData("a*", "a", true)]
    [InlineData("a*", "abc", true)]
    [InlineData("a*", "ab/c", false)]
    [InlineData("a*/b", "abc/b", true)]
    [InlineData("a*/b", "a/c/b", false)]
    [InlineData("a*b*c*d*e*/f", "axbxcxdxe/f", true)]
    [InlineData("a*b*c*d*e*/f", "axbxcxdxexxx/f", true)]
    [InlineData("a*b*c*d*e*/f", "axbxcxdxe/xxx/f", false)]
    [InlineData("a*b*c*d*e*/f", "axbxcxdxexxx/fff", false)]
    [InlineData("a*b?c*x", "abxbbxdbxebxczzx", true)]
    [InlineData("a*b?c*x", "abxbbxdbxebxczzy", false)]
    [InlineData("ab[c]", "abc", true)]
    [InlineData("ab[b-d]", "abc", true)]
    [InlineData("ab[e-g]", "abc", false)]
    [InlineData("ab[^c]", "abc", false)]
    [InlineData("ab[^b-d]", "abc", false)]
    [InlineData("ab[^e-g]", "abc", true)]
    [InlineData("a\\*b", "a*b", true)]
    [InlineData("a\\*b", "ab", false)]
    [InlineData("a?b", "a☺b", true)]
    [InlineData("a[^a]b", "a☺b", true)]
    [InlineData("a???b", "a☺b", false)]
    [InlineData("a[^a][^a][^a]b", "a☺b", false)]
    [InlineData("[a-ζ]*", "α", true)]
    [InlineData("*[a-ζ]", "A", false)]
    [InlineData("a?b", "a/b", false)]
    [InlineData("a*b", "a/b", false)]
    [InlineData("[\\]a]", "]", true)]
    [InlineData("[\\-]", "-", true)]
    [InlineData("[x\\-]", "x", true)]
    [InlineData("[x\\-]", "-", true)]
    [InlineData("[x\\-]", "z", false)]
    [InlineData("[\\-x]", "x", true)]
    [InlineData("[\\-x]", "-", true)]
    [InlineData("[\\-x]", "a", false)]
    [InlineData("*x", "xxx", true)]
    [InlineData("**", "main", true)]
    [InlineData("feature-**", "feature-x", true)]
    [InlineData("Main", "main", false)]
    [InlineData("main", "main2", false)]
    [InlineData("*", "", true)]
    [InlineData("", "", true)]
    [InlineData("", "main", false)]
    [InlineData("[!a]", "!", true)]
    [InlineData("[!a]", "a", true)]
    [InlineData("[!a]", "b", false)]
    [InlineData("[^!]", "b", true)]
    [InlineData("[\\^a]", "^", true)]
    [InlineData("[a\\-c]", "b", false)]
    [InlineData("[a\\-c]", "-", true)]
    [InlineData("\\m\\a\\i\\n", "main", true)]
    [InlineData("[0-9][0-9]", "42", true)]
    [InlineData("release-[0-9]*", "release-2x", true)]
    [InlineData("?", "", false)]
    [InlineData("?", "\u00e9", true)]
    [InlineData("??", "\u00e9", false)]
    [InlineData("*/*", "a/b", true)]
    [InlineData("**", "a/b", false)]
    public void Matches_as_Go_does(string pattern, string name, bool expected)
    {
        Assert.True(GoPathPattern.TryMatch(pattern, name, out var matched));
        Assert.Equal(expected, matched);
    }

    [Theory]
    [InlineData("[]a]", "]")]
    [InlineData("[a-c-]", "b")]
    [InlineData("[a-]", "z")]
    [InlineData("x*[", "y")]
    [InlineData("[-]", "-")]
    [InlineData("[x-]", "x")]
    [InlineData("[-x]", "x")]
    [InlineData("\\", "a")]
    [InlineData("[a-b-c]", "a")]
    [InlineData("[", "a")]
    [InlineData("[^", "a")]
    [InlineData("[^bc", "a")]
    [InlineData("a[", "a")]
    [InlineData("a[", "ab")]
    [InlineData("a[", "x")]
    [InlineData("a/b[", "x")]
    [InlineData("*x[", "xxx")]
    public void Bad_patterns_are_syntax_errors(string pattern, string name)
    {
        Assert.False(GoPathPattern.TryMatch(pattern, name, out var matched));
        Assert.False(matched);
        Assert.False(GoPathPattern.IsValid(pattern));
    }

    [Fact]
    public void A_trailing_star_ends_matching_before_the_rest_is_checked()
    {
        // Go returns at a trailing star without looking further: nothing after it exists to check.
        Assert.True(GoPathPattern.TryMatch("main*", "main-x", out var matched));
        Assert.True(matched);
    }
}
