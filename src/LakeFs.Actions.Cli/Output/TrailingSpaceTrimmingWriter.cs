using System.Text;

namespace LakeFs.Actions.Cli;

/// <summary>
/// Passes text through to another writer, dropping the spaces at the end of each line (Spectre.Console pads
/// every table cell to its column's width, including the last one). Spaces are held back until something
/// other than a line break follows them.
/// </summary>
internal sealed class TrailingSpaceTrimmingWriter : TextWriter
{
    private readonly TextWriter _inner;
    private int _pendingSpaces;

    public TrailingSpaceTrimmingWriter(TextWriter inner) => _inner = inner;

    public override Encoding Encoding => _inner.Encoding;

    public override void Write(char value) => Write([value], 0, 1);

    public override void Write(string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            Write(value.AsSpan());
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        var chunk = new StringBuilder(buffer.Length + _pendingSpaces);
        foreach (var c in buffer)
        {
            switch (c)
            {
                case ' ':
                    _pendingSpaces++;
                    break;
                case '\n' or '\r':
                    _pendingSpaces = 0;
                    chunk.Append(c);
                    break;
                default:
                    chunk.Append(' ', _pendingSpaces).Append(c);
                    _pendingSpaces = 0;
                    break;
            }
        }

        if (chunk.Length > 0)
        {
            _inner.Write(chunk.ToString());
        }
    }

    public override void Flush() => _inner.Flush();

    public override Task FlushAsync() => _inner.FlushAsync();
}
