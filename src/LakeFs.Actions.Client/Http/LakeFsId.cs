namespace LakeFs.Actions.Client;

/// <summary>Guards for the ids that become URL path segments.</summary>
internal static class LakeFsId
{
    /// <summary>
    /// Rejects ids that cannot name a lakeFS object or would change the URL's path: null, empty,
    /// whitespace, <c>.</c> and <c>..</c>. Every other value is sent percent-encoded as one segment.
    /// </summary>
    public static void ThrowIfInvalid(string? value, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(value, parameterName);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"'{parameterName}' must not be empty or whitespace.", parameterName);
        }

        if (value is "." or "..")
        {
            throw new ArgumentException($"'{parameterName}' must not be '.' or '..'.", parameterName);
        }
    }
}
