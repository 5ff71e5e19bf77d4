using System.Net;
using LakeFs.Actions.Webhooks.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace LakeFs.Actions.Webhooks.Tests;

/// <summary>The time budget, on a virtual clock: nothing here waits for real time to pass.</summary>
public sealed class DeadlineTests
{
    private static readonly string PreCommit = LakeFsPayloads.For("pre-commit").ToJson();
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_handler_token_is_cancelled_a_margin_before_the_deadline_and_the_answer_says_it_ran_out_of_time()
    {
        var time = new FakeTimeProvider();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelledAt = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        var begin = time.GetUtcNow();
        await using var server = await WebhookServer.StartAsync(async (_, token) =>
        {
            using var registration = token.Register(() => cancelledAt.TrySetResult(time.GetUtcNow() - begin));
            started.SetResult();
            await Task.Delay(Timeout.Infinite, token);
            return LakeFsHookResult.Pass();
        }, o =>
        {
            o.Deadline = TimeSpan.FromSeconds(30);
            o.CancellationMargin = TimeSpan.FromSeconds(4);
        }, time);

        var posting = server.PostAsync(PreCommit);
        await started.Task.WaitAsync(Hang);
        time.Advance(TimeSpan.FromSeconds(25));
        Assert.False(cancelledAt.Task.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        using var response = await posting.WaitAsync(Hang);

        Assert.Equal(TimeSpan.FromSeconds(26), await cancelledAt.Task);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(
            "The webhook ran out of time: the pre-commit check of action 'Require owner' hook 'owner_check' did not finish within its 30 s deadline, so it fails rather than let lakeFS's own timeout cut the request.\n",
            await response.Content.ReadAsStringAsync());
        var logged = Assert.Single(server.Logs.Webhook(4));
        Assert.Equal(26.0, (double)logged.Values["ElapsedSeconds"]!);
    }

    [Fact]
    public async Task A_handler_that_ignores_its_token_is_answered_at_the_deadline_without_it()
    {
        var time = new FakeTimeProvider();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var never = new TaskCompletionSource<LakeFsHookResult>();
        await using var server = await WebhookServer.StartAsync((_, _) =>
        {
            started.SetResult();
            return never.Task;
        }, o => o.Deadline = TimeSpan.FromSeconds(10), time);

        var posting = server.PostAsync(PreCommit);
        await started.Task.WaitAsync(Hang);
        time.Advance(TimeSpan.FromSeconds(9.9));
        Assert.False(posting.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.1));
        using var response = await posting.WaitAsync(Hang);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("ran out of time", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        never.SetResult(LakeFsHookResult.Pass());
    }

    [Fact]
    public async Task The_default_deadline_is_under_lakeFS_default_webhook_timeout_of_one_minute()
    {
        var options = new LakeFsWebhookOptions();

        Assert.Equal(TimeSpan.FromSeconds(55), options.Deadline);
        Assert.Equal(TimeSpan.FromSeconds(5), options.CancellationMargin);

        var time = new FakeTimeProvider();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await WebhookServer.StartAsync(async (_, token) =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, token);
            return LakeFsHookResult.Pass();
        }, time: time);

        var posting = server.PostAsync(PreCommit);
        await started.Task.WaitAsync(Hang);
        time.Advance(TimeSpan.FromSeconds(49));
        Assert.False(posting.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        using var response = await posting.WaitAsync(Hang);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task A_handler_that_answers_after_its_token_was_cancelled_but_before_the_deadline_is_heard()
    {
        var time = new FakeTimeProvider();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await WebhookServer.StartAsync(async (_, token) =>
        {
            started.SetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, token);
            }
            catch (OperationCanceledException)
            {
            }

            return LakeFsHookResult.Fail("gave up early: the catalog did not answer");
        }, o => o.Deadline = TimeSpan.FromSeconds(10), time);

        var posting = server.PostAsync(PreCommit);
        await started.Task.WaitAsync(Hang);
        time.Advance(TimeSpan.FromSeconds(5));
        using var response = await posting.WaitAsync(Hang);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal("gave up early: the catalog did not answer\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_quick_handler_is_not_affected_and_its_token_is_never_cancelled()
    {
        var time = new FakeTimeProvider();
        CancellationToken seen = default;
        await using var server = await WebhookServer.StartAsync((_, token) =>
        {
            seen = token;
            return Task.FromResult(LakeFsHookResult.Pass());
        }, time: time);

        using var response = await server.PostAsync(PreCommit);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(seen.IsCancellationRequested);
    }
}
