namespace LakeFs.Actions.Client;

/// <summary>How <see cref="ILakeFsRepositoriesClient.CreateRepositoryAsync"/> creates a repository.</summary>
public sealed class CreateRepositoryOptions
{
    /// <summary>Name of the default branch; <c>null</c> lets the server choose (<c>main</c>).</summary>
    public string? DefaultBranch { get; set; }

    /// <summary>Create the repository without its initial commit and default branch, e.g. to restore refs into it (<c>?bare=true</c>).</summary>
    public bool Bare { get; set; }

    /// <summary>Create a read-only repository.</summary>
    public bool ReadOnly { get; set; }

    /// <summary>Fill the repository with the server's sample data (which also protects its default branch).</summary>
    public bool SampleData { get; set; }

    /// <summary>Id of the data store, for servers with several (experimental); <c>null</c> for the default one.</summary>
    public string? StorageId { get; set; }

    /// <summary>
    /// When the repository already exists (409), return it (read with <c>GET /repositories/{repository}</c>) instead of
    /// throwing, like the lakeFS Python SDK's <c>exist_ok</c>. The existing repository's settings (storage namespace,
    /// default branch) are not compared with the ones asked for.
    /// </summary>
    public bool ExistOk { get; set; }
}
