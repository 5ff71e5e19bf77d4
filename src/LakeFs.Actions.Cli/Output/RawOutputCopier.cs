namespace LakeFs.Actions.Cli;

/// <summary>Copies a hook's output to standard output byte for byte, bypassing any text encoding.</summary>
internal static class RawOutputCopier
{
    /// <summary>Copies <paramref name="source"/> to <paramref name="environment"/>'s standard output stream.</summary>
    /// <param name="source">The hook output.</param>
    /// <param name="environment">Where standard output is; its text writer is flushed first, so the bytes follow what it wrote.</param>
    /// <param name="cancellationToken">Cancels the copy.</param>
    /// <returns>The last byte copied, or null when the output was empty.</returns>
    public static async Task<byte?> CopyAsync(Stream source, CliEnvironment environment, CancellationToken cancellationToken)
    {
        await environment.Out.FlushAsync(cancellationToken);
        var buffer = new byte[81920];
        byte? last = null;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await environment.StandardOutput.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            last = buffer[read - 1];
        }

        await environment.StandardOutput.FlushAsync(cancellationToken);
        return last;
    }
}
