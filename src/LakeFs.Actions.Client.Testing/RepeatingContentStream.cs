namespace LakeFs.Actions.Client.Testing;

/// <summary>A read-only stream of a fixed length that repeats a byte pattern, generated as it is read.</summary>
internal sealed class RepeatingContentStream : Stream
{
    private readonly byte[] _pattern;
    private readonly long _length;
    private long _position;

    public RepeatingContentStream(byte[] pattern, long length)
    {
        _pattern = pattern;
        _length = length;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => _length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var toRead = (int)Math.Min(buffer.Length, _length - _position);
        var written = 0;
        while (written < toRead)
        {
            var patternOffset = (int)((_position + written) % _pattern.Length);
            var chunk = Math.Min(_pattern.Length - patternOffset, toRead - written);
            _pattern.AsSpan(patternOffset, chunk).CopyTo(buffer[written..]);
            written += chunk;
        }

        _position += written;
        return written;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Read(buffer.Span));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
