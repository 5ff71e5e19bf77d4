using System.Collections.Concurrent;
using System.Diagnostics;
using LakeFs.Actions.Webhooks.Tests.Infrastructure;

namespace LakeFs.Actions.Webhooks.Tests;

public sealed class ActivityTests : IDisposable
{
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;

    public ActivityTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "LakeFs.Actions.Webhooks",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task Each_hook_call_has_an_activity_tagged_with_event_repository_branch_action_hook_and_outcome()
    {
        await using var server = await WebhookServer.StartAsync((_, _) => Task.FromResult(LakeFsHookResult.Fail("no owner")));

        // The listener hears every test running in parallel: this test's activity is the one of its own repository.
        var repository = "activity-" + Guid.NewGuid().ToString("N");
        (await server.PostAsync((LakeFsPayloads.For("pre-merge") with { RepositoryId = repository }).ToJson())).Dispose();

        var activity = Assert.Single(_stopped, a => (string?)a.GetTagItem("lakefs.repository") == repository);
        Assert.Equal("lakefs.webhook pre-merge", activity.DisplayName);
        Assert.Equal("pre-merge", activity.GetTagItem("lakefs.event_type"));
        Assert.Equal("main", activity.GetTagItem("lakefs.branch"));
        Assert.Equal("Require owner", activity.GetTagItem("lakefs.action"));
        Assert.Equal("owner_check", activity.GetTagItem("lakefs.hook"));
        Assert.Equal("refused", activity.GetTagItem("lakefs.hook.outcome"));
        Assert.Equal(412, activity.GetTagItem("http.response.status_code"));
        Assert.Equal(ActivityStatusCode.Unset, activity.Status);
    }

    [Fact]
    public async Task A_crashed_handler_marks_the_activity_as_an_error_and_tag_events_carry_the_tag()
    {
        await using var server = await WebhookServer.StartAsync((_, _) => throw new TimeoutException("db"));

        var repository = "activity-" + Guid.NewGuid().ToString("N");
        (await server.PostAsync((LakeFsPayloads.For("pre-create-tag") with { RepositoryId = repository }).ToJson())).Dispose();

        var activity = Assert.Single(_stopped, a => (string?)a.GetTagItem("lakefs.repository") == repository);
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal("System.TimeoutException", activity.GetTagItem("error.type"));
        Assert.Equal("v1.0", activity.GetTagItem("lakefs.tag"));
        Assert.Null(activity.GetTagItem("lakefs.branch"));
    }
}
