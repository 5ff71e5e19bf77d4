namespace LakeFs.Actions.Client;

/// <summary>
/// The answer of an operation whose document declares response headers the caller needs
/// (<c>x-lakefs-result-headers</c>, e.g. the <c>ETag</c> of getBranchProtectionRules): the body and those
/// headers' raw values, exactly as the server sent them (no quoting or parsing by .NET's typed headers).
/// </summary>
/// <typeparam name="T">The body's type.</typeparam>
internal sealed class LakeFsRestResponse<T>
{
    public LakeFsRestResponse(T body, IReadOnlyDictionary<string, string?> headers)
    {
        Body = body;
        Headers = headers;
    }

    /// <summary>The deserialized body.</summary>
    public T Body { get; }

    /// <summary>Each declared header's raw value; null when the server did not send it, "" when it sent it empty.</summary>
    public IReadOnlyDictionary<string, string?> Headers { get; }
}
