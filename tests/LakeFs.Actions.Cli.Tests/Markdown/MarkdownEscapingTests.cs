using LakeFs.Actions.Cli.Tests.Infrastructure;
using LakeFs.Actions.Client;
using LakeFs.Actions.Client.Testing;

namespace LakeFs.Actions.Cli.Tests.Markdown;

/// <summary>Values and logs from the server cannot break the markdown: pipes, backticks, HTML, long logs.</summary>
public sealed class MarkdownEscapingTests : IDisposable
{
    private const string Repo = "odd-repo";
    private readonly InProcessCli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Pipes_and_markdown_in_cells_are_escaped_and_html_in_summaries_is_encoded()
    {
        await using var lakeFs = await LakeFsActionsEmulator.StartAsync();
        lakeFs.AddRepository(Repo);
        var run = lakeFs.AddRun(Repo, "feat|x_*y*", "c1", "pre|commit",
            [EmulatedHook.Failed("act|ion", "<script>alert(1)</script>", "boom\n")]);

        var result = await _cli.RunAsync(InProcessCli.Against(lakeFs, "list", Repo, "-o", "markdown"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"| `{run}` | pre\\|commit | feat\\|x\\_\\*y\\* | `c1` | ❌ failed |", result.Stdout);
        Assert.Contains(
            $"<details><summary>❌ act|ion/&lt;script&gt;alert(1)&lt;/script&gt; · run {run} · pre|commit on feat|x_*y*</summary>\n",
            result.Stdout);
        Assert.DoesNotContain("<script>", result.Stdout);
    }

    [Fact]
    public async Task A_log_with_backtick_fences_gets_a_longer_fence_and_only_its_tail_is_shown()
    {
        await using var lakeFs = await LakeFsActionsEmulator.StartAsync();
        lakeFs.AddRepository(Repo);
        var lines = Enumerable.Range(1, 50).Select(i => $"line {i}").ToList();
        lines[45] = "````` not a fence end";
        lines[46] = "</details> \u001b[31mred\u001b[0m";
        var run = lakeFs.AddRun(Repo, "main", "c1", "post-commit", [EmulatedHook.Failed("a", "h", string.Join('\n', lines) + "\n")]);

        var result = await _cli.RunAsync(InProcessCli.Against(lakeFs, "view", Repo, run, "-o", "markdown"));

        Assert.True(result.ExitCode == 0, result.ToString());
        var expectedBody = string.Join('\n', Enumerable.Range(31, 20).Select(i => i switch
        {
            46 => "````` not a fence end",
            47 => "</details> red",
            _ => $"line {i}",
        }));
        Assert.EndsWith(
            $"<details><summary>❌ a/h · run {run} · post-commit on main · last 20 lines</summary>\n" +
            "\n" +
            "``````text\n" +
            expectedBody + "\n" +
            "``````\n" +
            "\n" +
            "</details>\n" +
            "\n",
            result.Stdout);
    }
}
