using System.Text;
using System.Text.RegularExpressions;

namespace LakeFs.Actions.Client.Package.Tests;

/// <summary>
/// Every <c>csharp</c> code block in README.md compiles against the packed packages: each block becomes the body
/// of a method in a small project that references the packages from the local feed, and the project must build
/// without warnings.
/// </summary>
[Collection(PackedPackagesCollection.Name)]
public sealed partial class ReadmeSnippetTests(PackedPackages packages)
{
    [Fact]
    public async Task Every_csharp_snippet_in_the_readme_compiles()
    {
        var snippets = CSharpBlock().Matches(File.ReadAllText(Path.Combine(packages.RepositoryRoot, "README.md")))
            .Select(m => m.Groups["code"].Value)
            .ToList();
        Assert.True(snippets.Count >= 4, $"expected the README's C# snippets, found {snippets.Count}");

        var app = packages.CreateConsumerProject("ReadmeSnippets");
        File.WriteAllText(Path.Combine(app, "ReadmeSnippets.cs"), ToSource(snippets));

        var build = await DotNetCli.RunAsync(app, "build", "-c", "Release");

        Assert.True(build.ExitCode == 0, $"a README snippet does not compile:\n{build.Output}\n--- generated source ---\n{ToSource(snippets)}");
    }

    private static string ToSource(IReadOnlyList<string> snippets)
    {
        var usings = new SortedSet<string>(StringComparer.Ordinal);
        var body = new StringBuilder();
        for (var i = 0; i < snippets.Count; i++)
        {
            body.AppendLine($"    // README snippet {i + 1}");
            body.AppendLine($"    public static async Task Snippet{i + 1}()");
            body.AppendLine("    {");
            foreach (var line in snippets[i].Split('\n'))
            {
                if (UsingDirective().IsMatch(line))
                {
                    usings.Add(line.Trim());
                }
                else
                {
                    body.AppendLine("        " + line.TrimEnd('\r'));
                }
            }

            body.AppendLine("        await Task.CompletedTask;");
            body.AppendLine("    }");
        }

        return string.Join('\n', usings) + "\n\ninternal static class ReadmeSnippets\n{\n" + body + "}\n";
    }

    [GeneratedRegex(@"^```csharp\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    [GeneratedRegex(@"^using [A-Za-z0-9_.]+;\s*$")]
    private static partial Regex UsingDirective();
}
