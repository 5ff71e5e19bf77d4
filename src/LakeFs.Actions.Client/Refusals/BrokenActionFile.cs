namespace LakeFs.Actions.Client;

/// <summary>An action file lakeFS could not use: <c>parsing file &lt;path&gt;: &lt;error&gt;</c> or <c>loading file &lt;path&gt;: &lt;error&gt;</c>.</summary>
public sealed class BrokenActionFile
{
    /// <summary>Creates a broken-file item.</summary>
    /// <param name="path">The file's path, e.g. <c>_lakefs_actions/check.yaml</c>.</param>
    /// <param name="error">Why, e.g. <c>yaml: line 8: mapping values are not allowed in this context</c> or <c>'name' is required: invalid action</c>.</param>
    /// <param name="couldNotRead">True for <c>loading file</c> (the object could not be read), false for <c>parsing file</c>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public BrokenActionFile(string path, string error, bool couldNotRead)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(error);
        Path = path;
        Error = error;
        CouldNotRead = couldNotRead;
    }

    /// <summary>The file's path in the repository, e.g. <c>_lakefs_actions/check.yaml</c>.</summary>
    public string Path { get; }

    /// <summary>Why lakeFS could not use it: a YAML error or one of lakeFS's validation texts.</summary>
    public string Error { get; }

    /// <summary>True when the object could not be read (<c>loading file</c>), false when it was read but is invalid (<c>parsing file</c>).</summary>
    public bool CouldNotRead { get; }

    /// <summary>A one-line description.</summary>
    /// <returns><c>&lt;path&gt;: &lt;error&gt;</c>.</returns>
    public override string ToString() => $"{Path}: {Error}";
}
