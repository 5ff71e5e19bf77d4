namespace LakeFs.Actions.Client;

/// <summary>
/// One entry of an actions folder as lakeFS lists it: an object (path and content), a subfolder (a common
/// prefix, which lakeFS fails to load), or an object too large to fetch.
/// </summary>
public sealed class ActionFileSource
{
    private ActionFileSource(string path, ReadOnlyMemory<byte> content, bool isFolder, long? oversizedLength)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = path;
        Content = content;
        IsFolder = isFolder;
        OversizedLength = oversizedLength;
    }

    /// <summary>Creates an entry for a file.</summary>
    /// <param name="path">The path, e.g. <c>_lakefs_actions/check.yaml</c>; not null or empty.</param>
    /// <param name="content">The file's bytes (UTF-8 YAML).</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    public ActionFileSource(string path, ReadOnlyMemory<byte> content)
        : this(path, content, isFolder: false, oversizedLength: null)
    {
    }

    /// <summary>The entry's path.</summary>
    public string Path { get; }

    /// <summary>The file's bytes (empty for a folder or an oversized file).</summary>
    public ReadOnlyMemory<byte> Content { get; }

    /// <summary>True for a subfolder (a common prefix such as <c>_lakefs_actions/sub/</c>).</summary>
    public bool IsFolder { get; }

    /// <summary>The size of a file that was not read because it is too large, or null.</summary>
    public long? OversizedLength { get; }

    /// <summary>Creates an entry for a subfolder.</summary>
    /// <param name="path">The subfolder's path; not null or empty.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    public static ActionFileSource ForFolder(string path) => new(path, default, isFolder: true, oversizedLength: null);

    /// <summary>Creates an entry for a file that was not read because of its size.</summary>
    /// <param name="path">The file's path; not null or empty.</param>
    /// <param name="length">Its size in bytes.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    public static ActionFileSource ForOversizedFile(string path, long length) => new(path, default, isFolder: false, oversizedLength: length);
}
