using LakeFs.Actions.Client.Testing;

namespace LakeFs.Actions.Client.Tests.Facade;

/// <summary>What a real server says about a run that does not exist and a hook log that is gone, through the client.</summary>
public sealed class UnknownRunAndGoneLogTests : IAsyncLifetime
{
    private LakeFsActionsEmulator _lakeFs = null!;
    private LakeFsActionsClient _client = null!;

    public async Task InitializeAsync()
    {
        _lakeFs = await LakeFsActionsEmulator.StartAsync();
        _lakeFs.AddRepository("repo");

        // Retries are on (the default) but must not apply: a 410 is final. No delay would be waited anyway.
        _client = new LakeFsActionsClient(new LakeFsClientOptions
        {
            Endpoint = _lakeFs.Endpoint,
            AccessKeyId = _lakeFs.AccessKeyId,
            SecretAccessKey = _lakeFs.SecretAccessKey,
            Retry = { MaxRetries = 3, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero },
        });
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _lakeFs.DisposeAsync();
    }

    [Fact]
    public async Task Hooks_of_an_unknown_run_are_an_empty_listing_while_getRun_is_404()
    {
        var hooks = await _client.ListRunHooksAsync("repo", "zzzzzzzzzzzzzzzzzzzz").ToListAsync();
        var error = await Assert.ThrowsAsync<LakeFsApiException>(() => _client.GetRunAsync("repo", "zzzzzzzzzzzzzzzzzzzz"));

        Assert.Empty(hooks);
        Assert.Equal(404, error.StatusCode);
    }

    [Fact]
    public async Task A_log_that_is_gone_is_a_clear_410_that_is_not_retried()
    {
        var runId = _lakeFs.AddRun("repo", new EmulatedRun("main", "c1", "post-commit")
        {
            Hooks = [new EmulatedHook("notify", "webhook", HookStatus.Completed, EmulatedHookOutput.Missing)],
        });

        var error = await Assert.ThrowsAsync<LakeFsApiException>(() => _client.GetHookOutputAsync("repo", runId, "0000_0000"));

        Assert.Equal(410, error.StatusCode);
        Assert.Equal("No data", error.ServerMessage);
        Assert.Contains("no longer in the repository's object store", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.Attempts);
        Assert.Equal(1, _lakeFs.RequestCount(EmulatorOperations.GetRunHookOutput));
    }
}
