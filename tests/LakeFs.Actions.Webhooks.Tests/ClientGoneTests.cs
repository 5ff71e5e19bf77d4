using LakeFs.Actions.Webhooks.Tests.Infrastructure;

namespace LakeFs.Actions.Webhooks.Tests;

public sealed class ClientGoneTests
{
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task When_lakeFS_goes_away_the_handler_token_is_cancelled_and_it_is_logged()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await WebhookServer.StartAsync(async (_, token) =>
        {
            using var registration = token.Register(cancelled.SetResult);
            started.SetResult();
            await Task.Delay(Timeout.Infinite, token);
            return LakeFsHookResult.Pass();
        });
        using var goAway = new CancellationTokenSource();

        var posting = server.PostAsync(LakeFsPayloads.For("pre-commit").ToJson(), goAway.Token);
        await started.Task.WaitAsync(Hang);
        await goAway.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => posting);
        await cancelled.Task.WaitAsync(Hang);
        var logged = await server.Logs.WhenLogged(8).WaitAsync(Hang);
        Assert.Equal("pre-commit", logged.Values["EventType"]);
        Assert.Empty(server.Logs.Webhook(4));
        Assert.Empty(server.Logs.Webhook(5));
    }
}
