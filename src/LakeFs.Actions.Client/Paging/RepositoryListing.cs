
namespace LakeFs.Actions.Client;

/// <summary>The listing of repositories (<c>GET /repositories</c>): the query's checks, then one paged call.</summary>
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
        return connection.Paged<Repository>(LakeFsRestClient.Operations.ListRepositories, null, async (after, amount, ct) => await connection.Rest.ListRepositoriesAsync(prefix, after, amount, search, ct).ConfigureAwait(false), cancellationToken, query?.PageSize);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
