using System.Text;

namespace LakeFs.Actions.Cli.Tests.Markdown;

public sealed class LogTailTests
{
    [Fact]
    public async Task Keeps_the_last_lines_and_says_when_there_were_more()
    {
        var tail = await ReadAsync("a\nb\nc\nd\n", maxLines: 2, maxBytes: 1024);

        Assert.Equal(["c", "d"], tail.Lines);
        Assert.True(tail.Truncated);
    }

    [Fact]
    public async Task A_short_log_is_kept_whole_with_crlf_and_no_final_newline()
    {
        var tail = await ReadAsync("a\r\nb", maxLines: 5, maxBytes: 1024);

        Assert.Equal(["a", "b"], tail.Lines);
        Assert.False(tail.Truncated);
    }

    [Fact]
    public async Task Looks_only_at_the_last_bytes_and_drops_the_cut_line()
    {
        var log = string.Concat(Enumerable.Range(0, 10_000).Select(i => $"line {i:D5}\n")); // 11 bytes a line

        var tail = await ReadAsync(log, maxLines: 1000, maxBytes: 100, chunk: 7);

        Assert.True(tail.Truncated);
        Assert.Equal(Enumerable.Range(9991, 9).Select(i => $"line {i:D5}"), tail.Lines); // 9 whole lines fit in 100 bytes
    }

    [Fact]
    public async Task An_empty_log_has_no_lines()
    {
        var tail = await ReadAsync(string.Empty, maxLines: 5, maxBytes: 64);

        Assert.Empty(tail.Lines);
        Assert.False(tail.Truncated);
    }

    private static Task<LogTail> ReadAsync(string text, int maxLines, int maxBytes, int chunk = 4096) =>
        LogTail.ReadAsync(new TrickleStream(Encoding.UTF8.GetBytes(text), chunk), maxLines, maxBytes, CancellationToken.None);

    /// <summary>A stream that returns at most <c>chunk</c> bytes a read, like a network stream.</summary>
    private sealed class TrickleStream(byte[] bytes, int chunk) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(chunk, buffer.Length)], cancellationToken);
    }
}
