using System.Text.RegularExpressions;

namespace LakeFs.Actions.Client;

/// <summary>
/// The patterns of <c>RepositoryCreation</c> in the OpenAPI document, checked before a create is sent: the server
/// rejects a mismatch with a schema-validation 400 that carries no request id, which says less than an
/// <see cref="ArgumentException"/> naming the argument.
/// </summary>
internal static partial class RepositoryCreationRules
{
    /// <summary>Throws <see cref="ArgumentException"/> naming <paramref name="parameterName"/> unless <paramref name="name"/> is a valid repository id.</summary>
    public static void ThrowIfInvalidName(string? name, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(name, parameterName);
        if (!NamePattern().IsMatch(name))
        {
            throw new ArgumentException(
                $"'{ErrorText.Snippet(name)}' is not a valid repository name: use 3 to 63 lower-case letters, digits and dashes, starting with a letter or digit (^[a-z0-9][a-z0-9-]{{2,62}}$).",
                parameterName);
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming <paramref name="parameterName"/> unless <paramref name="storageNamespace"/> has a scheme lakeFS accepts.</summary>
    public static void ThrowIfInvalidStorageNamespace(string? storageNamespace, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(storageNamespace, parameterName);
        if (!StorageNamespacePattern().IsMatch(storageNamespace))
        {
            throw new ArgumentException(
                $"'{ErrorText.Snippet(storageNamespace)}' is not a valid storage namespace: it must start with s3://, gs://, http://, https://, mem://, local:// or transient:// (^(s3|gs|https?|mem|local|transient)://.*$).",
                parameterName);
        }
    }

    // Go's regexp: '$' is the end of the text and '.' does not match a newline; .NET's '$' also matches before a final newline.
    [GeneratedRegex(@"\A[a-z0-9][a-z0-9-]{2,62}\z", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"\A(s3|gs|https?|mem|local|transient)://[^\n]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex StorageNamespacePattern();
}
