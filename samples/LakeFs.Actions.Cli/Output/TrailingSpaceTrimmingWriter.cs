using System.Text;

namespace LakeFs.Actions.Cli.Output;

/// <summary>
/// Passes text through to another writer, dropping the spaces at the end of each line (Spectre.Console pads
/// every table cell to its column's width, including the last one).
/// </summary>
internal sealed class TrailingSpaceTrimmingWriter : TextWriter
{
    private readonly TextWriter _inner;
    private int _pendingSpaces;

    public TrailingSpaceTrimmingWriter(TextWriter inner) => _inner = inner;

    public override Encoding Encoding => _inner.Encoding;

    public override void Write(char value)
    {
        switch (value)
        {
            case ' ':
                _pendingSpaces++;
                break;
            case '\n' or '\r':
                _pendingSpaces = 0;
                _inner.Write(value);
                break;
            default:
                if (_pendingSpaces > 0)
                {
                    _inner.Write(new string(' ', _pendingSpaces));
                    _pendingSpaces = 0;
                }

                _inner.Write(value);
                break;
        }
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? string.Empty)
        {
            Write(c);
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        for (var i = index; i < index + count; i++)
        {
            Write(buffer[i]);
        }
    }

    public override void Flush() => _inner.Flush();

    public override Task FlushAsync() => _inner.FlushAsync();
}
