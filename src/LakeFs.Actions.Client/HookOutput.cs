using System.Text;

namespace LakeFs.Actions.Client;

/// <summary>
/// The output log of a hook run, streamed from the server: <see cref="Content"/> reads from the network,
/// nothing is buffered whole. Dispose it to release the connection. A skipped hook has an empty log.
/// </summary>
public sealed class HookOutput : IAsyncDisposable, IDisposable
{
    private readonly IDisposable? _owner;

    /// <summary>Creates a hook output over a stream (for tests and mocks).</summary>
    /// <param name="content">The log content.</param>
    /// <param name="fileName">The file name the server suggested.</param>
    /// <param name="length">The length in bytes, when known.</param>
    public HookOutput(Stream content, string? fileName = null, long? length = null)
        : this(content, fileName, length, owner: null)
    {
    }

    internal HookOutput(Stream content, string? fileName, long? length, IDisposable? owner)
    {
        ArgumentNullException.ThrowIfNull(content);
        Content = content;
        FileName = fileName;
        Length = length;
        _owner = owner;
    }

    /// <summary>The log, read from the network as you read it.</summary>
    public Stream Content { get; }

    /// <summary>The file name from <c>Content-Disposition</c>, e.g. <c>0000_0001.log</c>.</summary>
    public string? FileName { get; }

    /// <summary>The length in bytes from <c>Content-Length</c>, when the server sent it.</summary>
    public long? Length { get; }

    /// <summary>Reads the whole log as UTF-8 text. For large logs prefer reading <see cref="Content"/>.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The log text.</returns>
    public async Task<string> ReadAsStringAsync(CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(Content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 16 * 1024, leaveOpen: true);
        return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Copies the log to <paramref name="destination"/> as it arrives.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="cancellationToken">Cancels the copy.</param>
    /// <returns>A task that completes when the whole log was copied.</returns>
    public Task CopyToAsync(Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return Content.CopyToAsync(destination, 81920, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Content.DisposeAsync().ConfigureAwait(false);
        _owner?.Dispose();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Content.Dispose();
        _owner?.Dispose();
    }
}
