using System.Text;
using System.Text.RegularExpressions;

namespace LakeFs.Actions.Client.Package.Tests;

/// <summary>
/// Every <c>csharp</c> block of README.md compiles as written, the way a reader uses it: in a new console project
/// (<c>dotnet new console</c>) to which the README's own <c>dotnet add package</c> commands added the packages, and
/// nothing else. Each block is a file of its own with only its own <c>using</c> directives (as in its own
/// Program.cs), its statements the body of a method; warnings are errors.
/// </summary>
[Collection(PackedPackagesCollection.Name)]
public sealed partial class ReadmeSnippetTests(PackedPackages packages)
{
    [Fact]
    public async Task Every_csharp_block_compiles_in_a_new_console_project_with_the_packages_the_readme_adds()
    {
        var readme = ReadmeText.Read(packages.RepositoryRoot);
        var blocks = ReadmeText.CSharpBlocks(readme);
        Assert.True(blocks.Count >= 6, $"expected the README's C# blocks, found {blocks.Count}");
        var addPackages = ReadmeText.AddPackageCommands(readme);
        Assert.Contains(addPackages, command => command[0] == PackedPackages.ClientId);

        var app = packages.CreateFeedConfiguredDirectory("ReadmeApp");
        await RunAsync(app, "new", "console", "--force");
        foreach (var command in addPackages)
        {
            await RunAsync(app, ["add", "package", .. command]);
        }

        for (var i = 0; i < blocks.Count; i++)
        {
            File.WriteAllText(Path.Combine(app, $"ReadmeBlock{i + 1}.cs"), ToSource(i + 1, blocks[i]));
        }

        var build = await DotNetCli.RunAsync(app, "build", "-c", "Release", "-warnaserror");

        Assert.True(build.ExitCode == 0, $"a README block does not compile as written:\n{build.Output}");
        var assets = File.ReadAllText(Path.Combine(app, "obj", "project.assets.json"));
        Assert.Contains($"LakeFs.Actions.Client/{packages.Version}", assets, StringComparison.Ordinal);
    }

    [Fact]
    public void A_block_is_checked_with_its_own_usings_only()
    {
        var source = ToSource(3, "using LakeFs.Actions.Client;\n\nvar x = 1;\n");

        Assert.StartsWith("using LakeFs.Actions.Client;\n", source, StringComparison.Ordinal);
        Assert.Contains("namespace ReadmeBlock3;", source, StringComparison.Ordinal);
        Assert.DoesNotContain("using Microsoft", source, StringComparison.Ordinal);
    }

    // The block's using directives head the file (they apply to that file only); its statements become the body of
    // an async method, as top-level statements are.
    private static string ToSource(int number, string block)
    {
        var usings = new StringBuilder();
        var body = new StringBuilder();
        foreach (var line in block.Split('\n'))
        {
            if (UsingDirective().IsMatch(line))
            {
                usings.AppendLine(line.Trim());
            }
            else
            {
                body.AppendLine("        " + line.TrimEnd());
            }
        }

        return $$"""
            {{usings}}
            namespace ReadmeBlock{{number}};

            internal static class Block
            {
                public static async Task RunAsync()
                {
            {{body}}
                    await Task.CompletedTask;
                }
            }

            """.ReplaceLineEndings("\n");
    }

    private static async Task RunAsync(string directory, params string[] arguments)
    {
        var result = await DotNetCli.RunAsync(directory, arguments);
        Assert.True(result.ExitCode == 0, $"dotnet {string.Join(' ', arguments)} failed:\n{result.Output}");
    }

    [GeneratedRegex(@"^using [A-Za-z0-9_.]+;\s*$")]
    private static partial Regex UsingDirective();
}
