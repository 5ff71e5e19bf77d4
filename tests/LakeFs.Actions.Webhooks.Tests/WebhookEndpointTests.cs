using System.Net;
using System.Net.Http.Headers;
using System.Text;
using LakeFs.Actions.Webhooks.Tests.Infrastructure;

namespace LakeFs.Actions.Webhooks.Tests;

public sealed class WebhookEndpointTests
{
    private static readonly string PreCommit = LakeFsPayloads.For("pre-commit").ToJson();

    [Theory]
    [MemberData(nameof(LakeFsPayloads.Events), MemberType = typeof(LakeFsPayloads))]
    public async Task The_handler_gets_every_event_lakeFS_posts_and_a_pass_is_200(string eventType)
    {
        LakeFsEvent? received = null;
        await using var server = await WebhookServer.StartAsync((e, _) =>
        {
            received = e;
            return Task.FromResult(LakeFsHookResult.Pass());
        });

        using var response = await server.PostAsync(LakeFsPayloads.For(eventType).ToJson());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(eventType, received!.EventType.Value);
        Assert.Equal(LakeFsPayloads.For(eventType).BranchId, received.BranchId);
        Assert.Equal(LakeFsPayloads.For(eventType).CommitId, received.CommitId);
    }

    [Fact]
    public async Task A_pass_with_a_message_answers_it_as_text_ending_with_a_newline()
    {
        await using var server = await WebhookServer.StartAsync((_, _) => Task.FromResult(LakeFsHookResult.Pass("3 checks ok")));

        using var response = await server.PostAsync(PreCommit);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("3 checks ok\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_failure_is_412_with_the_reason_as_plain_text_so_lakeFS_logs_it_before_its_Error_line()
    {
        await using var server = await WebhookServer.StartAsync((e, _) => Task.FromResult(LakeFsHookResult.Fail($"no owner on {e.BranchId}")));

        using var response = await server.PostAsync(PreCommit);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal("no owner on main\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_refusal_status_is_configurable()
    {
        await using var server = await WebhookServer.StartAsync((_, _) => Task.FromResult(LakeFsHookResult.Fail("no")), o => o.RefusalStatusCode = 400);

        using var response = await server.PostAsync(PreCommit);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("no\n", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("{\"event_type\":", "The body is not a lakeFS event")]
    [InlineData("not json at all", "The body is not a lakeFS event")]
    [InlineData("{\"event_type\":\"pre-commit\"}", "'event_time' is missing")]
    [InlineData("{\"event_type\":\"pre-commit\",\"event_time\":\"2026-07-23T10:11:12Z\",\"action_name\":\"a\",\"hook_id\":\"h1\",\"repository_id\":\"r\",\"commit_metadata\":\"owner=x\"}", "commit_metadata")]
    public async Task Malformed_json_is_400_with_what_is_wrong_and_the_handler_is_not_called(string body, string expected)
    {
        var called = false;
        await using var server = await WebhookServer.StartAsync((_, _) =>
        {
            called = true;
            return Task.FromResult(LakeFsHookResult.Pass());
        });

        using var response = await server.PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(called);
        Assert.Contains(server.Logs.Webhook(6), e => (int)e.Values["StatusCode"]! == 400);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=latin1")]
    [InlineData(null)]
    public async Task A_content_type_other_than_json_is_415(string? contentType)
    {
        await using var server = await WebhookServer.StartAsync((_, _) => Task.FromResult(LakeFsHookResult.Pass()));
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(PreCommit));
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        using var response = await server.Client.PostAsync(WebhookServer.Route, content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.StartsWith("Expected Content-Type application/json", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("Application/JSON")]
    public async Task Json_with_a_utf8_charset_or_other_casing_is_accepted(string contentType)
    {
        await using var server = await WebhookServer.StartAsync((_, _) => Task.FromResult(LakeFsHookResult.Pass()));
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(PreCommit));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await server.Client.PostAsync(WebhookServer.Route, content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_limit_with_a_content_length_is_413()
    {
        await using var server = await WebhookServer.StartAsync((_, _) => Task.FromResult(LakeFsHookResult.Pass()), o => o.MaxBodySize = 256);
        var body = LakeFsPayloads.For("pre-commit") with { CommitMessage = new string('x', 300) };

        using var response = await server.PostAsync(body.ToJson());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("The body is larger than the 256 bytes this webhook accepts (LakeFsWebhookOptions.MaxBodySize).\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_413_as_soon_as_it_passes_it()
    {
        await using var server = await WebhookServer.StartAsync((_, _) => Task.FromResult(LakeFsHookResult.Pass()), o => o.MaxBodySize = 256);
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes((LakeFsPayloads.For("pre-commit") with { CommitMessage = new string('x', 300) }).ToJson())));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookServer.Route) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_body_at_the_limit_is_accepted()
    {
        var json = PreCommit;
        await using var server = await WebhookServer.StartAsync((_, _) => Task.FromResult(LakeFsHookResult.Pass()), o => o.MaxBodySize = Encoding.UTF8.GetByteCount(json));

        using var response = await server.PostAsync(json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_handler_that_throws_is_500_naming_only_the_exception_type_and_the_exception_is_logged()
    {
        await using var server = await WebhookServer.StartAsync((_, _) => throw new InvalidOperationException("database password is hunter2"));

        using var response = await server.PostAsync(PreCommit);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("The webhook handler failed (InvalidOperationException); the webhook service's log has the details.\n", text);
        var logged = Assert.Single(server.Logs.Webhook(5));
        Assert.IsType<InvalidOperationException>(logged.Exception);
    }

    [Fact]
    public async Task A_handler_that_returns_null_is_500_not_a_crash()
    {
        await using var server = await WebhookServer.StartAsync((_, _) => Task.FromResult<LakeFsHookResult>(null!));

        using var response = await server.PostAsync(PreCommit);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Fact]
    public async Task Only_POST_is_mapped()
    {
        await using var server = await WebhookServer.StartAsync((_, _) => Task.FromResult(LakeFsHookResult.Pass()));

        using var response = await server.Client.GetAsync(WebhookServer.Route);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Passes_and_refusals_are_logged_with_event_action_hook_and_repository()
    {
        var refuse = false;
        await using var server = await WebhookServer.StartAsync((_, _) => Task.FromResult(refuse ? LakeFsHookResult.Fail("needs owner") : LakeFsHookResult.Pass()));

        (await server.PostAsync(PreCommit)).Dispose();
        refuse = true;
        (await server.PostAsync(PreCommit)).Dispose();

        var passed = Assert.Single(server.Logs.Webhook(2));
        Assert.Equal("lakeFS pre-commit hook Require owner/owner_check on example-repo passed", passed.Message);
        var refused = Assert.Single(server.Logs.Webhook(3));
        Assert.Equal("needs owner", refused.Values["Reason"]);
        Assert.True(2 == server.Logs.Webhook(1).Count(e => (string?)e.Values["Branch"] == "main"), server.Logs.AllText);
    }
}
