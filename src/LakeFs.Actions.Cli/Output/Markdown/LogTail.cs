using System.Text;

namespace LakeFs.Actions.Cli;

/// <summary>
/// The end of a hook's log: its last lines, read from a stream that is never held in memory beyond a bounded
/// number of bytes, so a gigabyte log costs no more than a short one.
/// </summary>
/// <param name="Lines">The last lines, without line terminators.</param>
/// <param name="Truncated">True when the log had more before these lines.</param>
internal sealed record LogTail(IReadOnlyList<string> Lines, bool Truncated)
{
    /// <summary>Reads <paramref name="log"/> to its end and keeps its last <paramref name="maxLines"/> lines within its last <paramref name="maxBytes"/> bytes.</summary>
    /// <param name="log">The hook output.</param>
    /// <param name="maxLines">How many lines to keep at most.</param>
    /// <param name="maxBytes">How many bytes of the end of the log to look at.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The tail.</returns>
    public static async Task<LogTail> ReadAsync(Stream log, int maxLines, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLines);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);

        // A window of twice the bound: when it fills up, its last maxBytes move to the front.
        var window = new byte[maxBytes * 2];
        var count = 0;
        var dropped = false;
        int read;
        while ((read = await log.ReadAsync(window.AsMemory(count), cancellationToken)) > 0)
        {
            count += read;
            if (count == window.Length)
            {
                Buffer.BlockCopy(window, count - maxBytes, window, 0, maxBytes);
                count = maxBytes;
                dropped = true;
            }
        }

        var start = Math.Max(0, count - maxBytes);
        dropped |= start > 0;
        var bytes = window.AsSpan(start, count - start);
        if (dropped && bytes.IndexOf((byte)'\n') is var newline and >= 0)
        {
            bytes = bytes[(newline + 1)..]; // the first line was cut: drop what is left of it
        }

        var text = Encoding.UTF8.GetString(bytes);
        var lines = text.Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        var truncated = dropped || lines.Count > maxLines;
        return new LogTail(lines.Count > maxLines ? lines[^maxLines..] : lines, truncated);
    }
}
