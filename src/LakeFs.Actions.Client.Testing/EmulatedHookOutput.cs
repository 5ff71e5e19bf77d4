using System.Text;

namespace LakeFs.Actions.Client.Testing;

/// <summary>
/// What <c>getRunHookOutput</c> sends for one hook: text, bytes, a stream opened per request, or generated
/// content of any length. Content is opened anew for every request and streamed, so a large output is never
/// held in memory.
/// </summary>
public sealed class EmulatedHookOutput
{
    private readonly Func<Stream> _open;

    private EmulatedHookOutput(Func<Stream> open, long? length)
    {
        _open = open;
        Length = length;
    }

    /// <summary>An empty output (what a hook that printed nothing leaves).</summary>
    public static EmulatedHookOutput Empty { get; } = FromBytes(ReadOnlyMemory<byte>.Empty);

    /// <summary>
    /// A log that is missing from the repository's object store (deleted, or expired by a lifecycle rule):
    /// <c>getRunHookOutput</c> answers <c>410 Gone</c> with <c>{"message":"No data"}</c>, as lakeFS does.
    /// </summary>
    public static EmulatedHookOutput Missing { get; } = new(static () => throw new InvalidOperationException("The hook's log is missing."), length: null) { IsMissing = true };

    /// <summary>True for <see cref="Missing"/>.</summary>
    public bool IsMissing { get; private init; }

    /// <summary>Length in bytes, sent as <c>Content-Length</c>; null when unknown (the response is then chunked).</summary>
    public long? Length { get; }

    /// <summary>An output holding <paramref name="text"/> encoded as UTF-8.</summary>
    /// <param name="text">The log text.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static EmulatedHookOutput FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return FromBytes(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>An output holding <paramref name="content"/>.</summary>
    /// <param name="content">The bytes to send.</param>
    public static EmulatedHookOutput FromBytes(ReadOnlyMemory<byte> content) =>
        new(() => new MemoryStream(content.ToArray(), writable: false), content.Length);

    /// <summary>An output read from a stream that <paramref name="open"/> creates for each request (and the emulator disposes).</summary>
    /// <param name="open">Opens the content; called once per request.</param>
    /// <param name="length">Length in bytes if known, sent as <c>Content-Length</c>; it must match what the stream yields.</param>
    /// <exception cref="ArgumentNullException"><paramref name="open"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative.</exception>
    public static EmulatedHookOutput FromStream(Func<Stream> open, long? length = null)
    {
        ArgumentNullException.ThrowIfNull(open);
        if (length is { } value)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, nameof(length));
        }

        return new EmulatedHookOutput(open, length);
    }

    /// <summary>
    /// An output of exactly <paramref name="length"/> bytes made by repeating <paramref name="line"/>, generated
    /// while it is sent (a 256 MiB log costs no memory).
    /// </summary>
    /// <param name="length">Length in bytes.</param>
    /// <param name="line">The text to repeat; defaults to a webhook log line.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="line"/> is empty.</exception>
    public static EmulatedHookOutput Generated(long length, string? line = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var pattern = Encoding.UTF8.GetBytes(line ?? "webhook: POST https://ci.example.com/lakefs-hook -> 200 OK, reply chunk follows\n");
        if (pattern.Length == 0)
        {
            throw new ArgumentException("The repeated line must not be empty.", nameof(line));
        }

        return new EmulatedHookOutput(() => new RepeatingContentStream(pattern, length), length);
    }

    /// <summary>Opens the content, as the emulator does for each request. The caller disposes the stream.</summary>
    /// <returns>A readable stream positioned at the start of the content.</returns>
    /// <exception cref="InvalidOperationException">The output is <see cref="Missing"/>.</exception>
    public Stream OpenRead() => _open();
}
