using LakeFs.Actions.Client.ActionFiles;
using LakeFs.Actions.Client.Http;

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
        string? after = null;
        while (true)
        {
            var cursor = after;
            var page = await _pipeline.RunAsync(LakeFsRestClient.Operations.ListObjects, repository, cancellationToken,
                ct => _rest.ListObjectsAsync(repository, reference, user_metadata: false, presign: null, cursor, ActionListingPageSize, "/", ActionFilesPrefix, ct)).ConfigureAwait(false);
            foreach (var row in page.Results ?? [])
            {
                if (row is null || string.IsNullOrEmpty(row.Path))
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

            var pagination = page.Pagination;
            if (pagination is null || !pagination.HasMore || string.IsNullOrEmpty(pagination.NextOffset) || pagination.NextOffset == after)
            {
                return entries;
            }

            after = pagination.NextOffset;
        }
    }

    /// <inheritdoc />
    public virtual async Task<ActionFolderResult> ValidateActionFilesAsync(string repository, string reference, ActionValidationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var entries = await ReadActionFilesAsync(repository, reference, options, cancellationToken).ConfigureAwait(false);
        return new ActionFileValidator(options).ValidateFolder(entries);
    }

    private Task<ActionFileSource> ReadActionFileAsync(string repository, string reference, string path, long maxBytes, CancellationToken cancellationToken) =>
        _pipeline.RunAsync(LakeFsRestClient.Operations.GetObject, repository, cancellationToken, async ct =>
        {
            using var response = await _rest.GetObjectAsync(repository, reference, path, presign: null, ct).ConfigureAwait(false);
            var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                using var buffer = new MemoryStream();
                var chunk = new byte[81920];
                int read;
                while ((read = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
                {
                    if (buffer.Length + read > maxBytes)
                    {
                        return ActionFileSource.ForOversizedFile(path, response.Content.Headers.ContentLength ?? buffer.Length + read);
                    }

                    buffer.Write(chunk, 0, read);
                }

                return new ActionFileSource(path, buffer.ToArray());
            }
        });
}
