using System.Text;

namespace LakeFs.Actions.Client;

/// <summary>
/// The last lines of a hook log, read line by line from the stream: memory holds at most the kept lines, each cut to
/// <see cref="MaxLineLength"/> characters, however long the log is.
/// </summary>
internal static class HookLogTail
{
    public const int MaxLineLength = 2048;

    public static async Task<(IReadOnlyList<string> Lines, bool Truncated)> ReadAsync(Stream log, int maxLines, CancellationToken cancellationToken)
    {
        var lines = new Queue<string>(maxLines + 1);
        var truncated = false;
        var line = new StringBuilder();
        var lineCut = false;
        var buffer = new char[8192];
        using var reader = new StreamReader(log, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 8192, leaveOpen: true);
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                var c = buffer[i];
                if (c == '\n')
                {
                    Keep(line, lineCut);
                    lineCut = false;
                }
                else if (line.Length < MaxLineLength)
                {
                    line.Append(c);
                }
                else
                {
                    lineCut = true;
                }
            }
        }

        if (line.Length > 0 || lineCut)
        {
            Keep(line, lineCut);
        }

        return ([.. lines], truncated);

        void Keep(StringBuilder text, bool cut)
        {
            var value = text.ToString().TrimEnd('\r');
            lines.Enqueue(cut ? value + "..." : value);
            truncated |= cut;
            text.Clear();
            if (lines.Count > maxLines)
            {
                lines.Dequeue();
                truncated = true;
            }
        }
    }
}
