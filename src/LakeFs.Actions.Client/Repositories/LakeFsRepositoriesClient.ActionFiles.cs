
namespace LakeFs.Actions.Client;

/// <summary>Reading a ref's action files (<c>_lakefs_actions/</c>) as lakeFS loads them, and validating them.</summary>
public partial class LakeFsRepositoriesClient
{
    /// <summary>Where lakeFS reads action files: every object directly under this prefix.</summary>
    public const string ActionFilesPrefix = "_lakefs_actions/";

    private const int ActionListingPageSize = 1000;

    /// <inheritdoc />
    public virtual async Task<IReadOnlyList<ActionFileSource>> ReadActionFilesAsync(string repository, string reference, ActionValidationOptions? options = null, CancellationToken cancellationToken = default)
    {
        LakeFsId.ThrowIfInvalid(repository, nameof(repository));
        LakeFsId.ThrowIfInvalid(reference, nameof(reference));
        var maxBytes = (options ?? ActionValidationOptions.Default).MaxFileBytes;
        var entries = new List<ActionFileSource>();
        var rows = Connection.Paged<ObjectStats>(
            LakeFsRestClient.Operations.ListObjects,
            repository,
            async (after, amount, ct) => await Rest.ListObjectsAsync(repository, reference, user_metadata: false, presign: null, after, amount, "/", ActionFilesPrefix, ct).ConfigureAwait(false),
            cancellationToken,
            pageSize: ActionListingPageSize);
        await foreach (var row in rows.ConfigureAwait(false))
        {
            if (string.IsNullOrEmpty(row.Path))
            {
                continue;
            }

            if (row.PathType == "common_prefix")
            {
                entries.Add(ActionFileSource.ForFolder(row.Path));
            }
            else if (row.SizeBytes is { } size && size > maxBytes)
            {
                entries.Add(ActionFileSource.ForOversizedFile(row.Path, size));
            }
            else
            {
                entries.Add(await ReadActionFileAsync(repository, reference, row.Path, maxBytes, cancellationToken).ConfigureAwait(false));
            }
        }

        return entries;
    }

    /// <inheritdoc />
    public virtual async Task<ActionFolderResult> ValidateActionFilesAsync(string repository, string reference, ActionValidationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var entries = await ReadActionFilesAsync(repository, reference, options, cancellationToken).ConfigureAwait(false);
        return new ActionFileValidator(options).ValidateFolder(entries);
    }

    private async Task<ActionFileSource> ReadActionFileAsync(string repository, string reference, string path, long maxBytes, CancellationToken cancellationToken)
    {
        using var response = await Rest.GetObjectAsync(repository, reference, path, presign: null, cancellationToken).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return ActionFileSource.ForOversizedFile(path, response.Content.Headers.ContentLength ?? buffer.Length + read);
                }

                buffer.Write(chunk, 0, read);
            }

            return new ActionFileSource(path, buffer.ToArray());
        }
    }
}
