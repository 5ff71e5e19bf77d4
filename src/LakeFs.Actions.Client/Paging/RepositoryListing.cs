using LakeFs.Actions.Client.Http;
using Microsoft.Extensions.Logging;

namespace LakeFs.Actions.Client.Paging;

/// <summary>The listing of repositories (<c>GET /repositories</c>), shared by the actions and the repositories clients.</summary>
internal static class RepositoryListing
{
    public static AsyncPageable<Repository> Create(LakeFsConnection connection, RepositoryQuery? query, CancellationToken cancellationToken)
    {
        if (query?.PageSize is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.PageSize, $"{nameof(RepositoryQuery.PageSize)} must be at least 1.");
        }

        var prefix = NullIfEmpty(query?.Prefix);
        var search = NullIfEmpty(query?.Search);
        var operation = LakeFsRestClient.Operations.ListRepositories;
        var (pipeline, rest) = (connection.Pipeline, connection.Rest);
        return new CursorPageable<Repository>(
            pipeline,
            operation,
            repository: null,
            async (after, amount, token) =>
            {
                var page = await pipeline.SendAsync(operation, token, ct => rest.ListRepositoriesAsync(prefix, after, amount, search, ct)).ConfigureAwait(false);
                return new CursorPage<Repository>(page.Results, page.Pagination);
            },
            query?.PageSize ?? connection.Options.PageSize,
            connection.Options.PrefetchNextPage,
            filter: null,
            stopBefore: null,
            cancellationToken)
        {
            Logger = connection.Logger,
        };
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
