using System.Text.RegularExpressions;

namespace LakeFs.Actions.Client.Package.Tests;

/// <summary>
/// README.md is also the package's readme on a package page, where relative links and in-page anchors break: every
/// link is absolute, and a link into this repository names a file that exists. The engineering notes live in
/// docs/, not in the README.
/// </summary>
public sealed partial class PackageReadmeTests
{
    private const string Repository = "https://github.com/lakefs-dotnet/LakeFs.Actions.Client";
    private const string RawRepository = "https://raw.githubusercontent.com/lakefs-dotnet/LakeFs.Actions.Client";

    public static TheoryData<string> Readmes => new() { "README.md", "src/LakeFs.Actions.Cli/README.md" };

    [Theory]
    [MemberData(nameof(Readmes))]
    public void Every_link_works_outside_the_repository(string readme)
    {
        var root = RepositoryLocation.Root;
        var text = File.ReadAllText(Path.Combine(root, readme));
        var links = Link().Matches(text).Select(m => m.Groups["target"].Value).ToList();

        Assert.All(links, link => Assert.StartsWith("https://", link, StringComparison.Ordinal));
        foreach (var link in links.Where(l => l.StartsWith(Repository + "/blob/main/", StringComparison.Ordinal) || l.StartsWith(RawRepository + "/main/", StringComparison.Ordinal)))
        {
            var path = link.StartsWith(RawRepository, StringComparison.Ordinal) ? link[(RawRepository + "/main/").Length..] : link[(Repository + "/blob/main/").Length..];
            Assert.True(File.Exists(Path.Combine(root, path)), $"{readme} links to {path}, which does not exist");
        }
    }

    [Fact]
    public void The_repository_url_of_the_links_is_the_one_the_packages_declare()
    {
        var props = File.ReadAllText(Path.Combine(RepositoryLocation.Root, "Directory.Build.props"));

        Assert.Contains($"<RepositoryUrl>{Repository}</RepositoryUrl>", props, StringComparison.Ordinal);
    }

    [Fact]
    public void Engineering_notes_are_in_docs_and_the_readme_links_to_them()
    {
        var root = RepositoryLocation.Root;
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));

        Assert.DoesNotContain("issue 14", readme, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("performance-table:start", readme, StringComparison.Ordinal);
        Assert.Contains("performance-table:start", File.ReadAllText(Path.Combine(root, "docs", "performance.md")), StringComparison.Ordinal);
        Assert.Contains($"{Repository}/blob/main/docs/performance.md", readme, StringComparison.Ordinal);
        Assert.Contains($"{Repository}/blob/main/docs/reliability.md", readme, StringComparison.Ordinal);
    }

    // [text](target) and ![alt](target), outside code spans; a target ends at whitespace or ')'.
    [GeneratedRegex(@"!?\[[^\]\n]*\]\((?<target>[^)\s]+)")]
    private static partial Regex Link();
}
