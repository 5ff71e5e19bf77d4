using System.Text.RegularExpressions;

namespace LakeFs.Actions.Client.Package.Tests;

/// <summary>The parts of README.md that tests run or build: its C# blocks and its local-packages recipe.</summary>
internal static partial class ReadmeText
{
    /// <summary>The marker line just above the recipe's bash block.</summary>
    public const string RecipeMarker = "<!-- local-packages-recipe -->";

    public static string Read(string repositoryRoot) =>
        File.ReadAllText(Path.Combine(repositoryRoot, "README.md")).ReplaceLineEndings("\n");

    /// <summary>Every <c>csharp</c> block, as written.</summary>
    public static IReadOnlyList<string> CSharpBlocks(string readme) =>
        [.. CSharpBlock().Matches(readme).Select(m => m.Groups["code"].Value)];

    /// <summary>The bash block after <see cref="RecipeMarker"/>: packs the packages and consumes them outside the clone.</summary>
    public static string Recipe(string readme)
    {
        var marker = readme.IndexOf(RecipeMarker, StringComparison.Ordinal);
        Assert.True(marker >= 0, $"README.md has no '{RecipeMarker}' line");
        var block = BashBlock().Match(readme, marker + RecipeMarker.Length);
        Assert.True(block.Success, "no bash block after the recipe marker");
        return block.Groups["code"].Value;
    }

    /// <summary>The recipe's <c>dotnet add package</c> commands: the packages a reader adds to a new project.</summary>
    public static IReadOnlyList<string[]> AddPackageCommands(string readme) =>
        [.. Recipe(readme).Split('\n')
            .Select(line => line.Split('#')[0].Trim())
            .Where(line => line.StartsWith("dotnet add package ", StringComparison.Ordinal))
            .Select(line => line.Split(" ", StringSplitOptions.RemoveEmptyEntries)[3..])];

    [GeneratedRegex(@"^```csharp\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    [GeneratedRegex(@"\G\n*```bash\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex BashBlock();
}
