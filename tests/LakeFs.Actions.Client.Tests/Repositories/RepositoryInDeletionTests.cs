using LakeFs.Actions.Client.Testing;

namespace LakeFs.Actions.Client.Tests.Repositories;

/// <summary>
/// Each 410 names its own cause and what to do: a repository whose deletion did not finish answers 410 to every
/// call, and the error says to delete it again; a hook run's missing output log keeps its own text
/// (<see cref="Facade.UnknownRunAndGoneLogTests"/>).
/// </summary>
public sealed class RepositoryInDeletionTests : IAsyncLifetime
{
    private LakeFsActionsEmulator _lakeFs = null!;
    private LakeFsRepositoriesClient _repositories = null!;
    private LakeFsActionsClient _actions = null!;

    public async Task InitializeAsync()
    {
        _lakeFs = await LakeFsActionsEmulator.StartAsync();
        _lakeFs.AddRepository("repo");
        _lakeFs.FailNextDeleteMidway("repo");
        var options = new LakeFsClientOptions
        {
            Endpoint = _lakeFs.Endpoint,
            AccessKeyId = _lakeFs.AccessKeyId,
            SecretAccessKey = _lakeFs.SecretAccessKey,
            Retry = { MaxRetries = 0 },
        };
        _repositories = new LakeFsRepositoriesClient(options);
        _actions = new LakeFsActionsClient(options);
        var failed = await Assert.ThrowsAsync<LakeFsApiException>(() => _repositories.DeleteRepositoryAsync("repo"));
        Assert.Equal(500, failed.StatusCode);
    }

    public async Task DisposeAsync()
    {
        _repositories.Dispose();
        _actions.Dispose();
        await _lakeFs.DisposeAsync();
    }

    public static TheoryData<string> Calls() => ["getRepository", "getGCRules", "getBranchProtectionRules", "dumpSubmit", "listRepositoryRuns"];

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task A_call_on_a_repository_being_deleted_says_to_delete_it_again(string call)
    {
        var error = await Assert.ThrowsAsync<LakeFsApiException>(() => call switch
        {
            "getRepository" => _repositories.GetRepositoryAsync("repo"),
            "getGCRules" => _repositories.GetGCRulesAsync("repo"),
            "getBranchProtectionRules" => _repositories.GetBranchProtectionRulesAsync("repo"),
            "dumpSubmit" => _repositories.SubmitDumpAsync("repo"),
            _ => _actions.ListRunsAsync("repo").ToListAsync().AsTask(),
        });

        Assert.Equal(410, error.StatusCode);
        Assert.Contains("being deleted", error.Message, StringComparison.Ordinal);
        Assert.Contains("delete it again to finish the deletion", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("output log", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Creating_a_repository_of_that_name_says_to_finish_the_deletion_first()
    {
        var error = await Assert.ThrowsAsync<LakeFsApiException>(() => _repositories.CreateRepositoryAsync("repo", "local://fresh"));

        Assert.Equal(410, error.StatusCode);
        Assert.Contains("delete it again to finish the deletion, then create it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_again_finishes_the_deletion()
    {
        await _repositories.DeleteRepositoryAsync("repo");

        var gone = await Assert.ThrowsAsync<LakeFsApiException>(() => _repositories.GetRepositoryAsync("repo"));
        Assert.Equal(404, gone.StatusCode);
    }
}
