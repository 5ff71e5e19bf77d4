using System.Net;
using LakeFs.Actions.Webhooks.Tests.Infrastructure;

namespace LakeFs.Actions.Webhooks.Tests;

public sealed class SharedSecretTests
{
    private const string Secret = "s3cr3t-Value-7f1c";
    private static readonly string PreCommit = LakeFsPayloads.For("pre-commit").ToJson();

    private static Task<WebhookServer> StartAsync(Action<LakeFsWebhookOptions>? configure = null) =>
        WebhookServer.StartAsync((_, _) => Task.FromResult(LakeFsHookResult.Pass()), o =>
        {
            o.Secret = Secret;
            configure?.Invoke(o);
        });

    private static async Task<HttpResponseMessage> PostAsync(WebhookServer server, string? header = null, string? query = null, string headerName = LakeFsWebhookOptions.DefaultSecretHeaderName)
    {
        var uri = query is null ? WebhookServer.Route : $"{WebhookServer.Route}?token={Uri.EscapeDataString(query)}";
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = WebhookServer.Json(PreCommit) };
        if (header is not null)
        {
            request.Headers.Add(headerName, header);
        }

        return await server.Client.SendAsync(request);
    }

    [Fact]
    public async Task The_right_secret_in_the_header_passes()
    {
        await using var server = await StartAsync();

        using var response = await PostAsync(server, header: Secret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(null, "missing")]
    [InlineData("wrong", "wrong")]
    [InlineData("s3cr3t-Value-7f1", "wrong")]
    [InlineData("s3cr3t-Value-7f1cX", "wrong")]
    [InlineData("S3CR3T-VALUE-7F1C", "wrong")]
    public async Task A_missing_or_wrong_secret_is_401_and_the_handler_is_not_called(string? presented, string problem)
    {
        var called = false;
        await using var server = await WebhookServer.StartAsync((_, _) =>
        {
            called = true;
            return Task.FromResult(LakeFsHookResult.Pass());
        }, o => o.Secret = Secret);

        using var response = await PostAsync(server, header: presented);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith($"The webhook's shared secret is {problem}: lakeFS must send it in the header X-LakeFs-Webhook-Secret", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(called);
    }

    [Fact]
    public async Task The_secret_is_checked_before_anything_else_is_looked_at()
    {
        await using var server = await StartAsync(o => o.MaxBodySize = 10);
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookServer.Route) { Content = new StringContent("x", System.Text.Encoding.UTF8, "text/plain") };

        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_query_parameter_is_accepted_when_configured_and_the_header_wins_when_both_are_sent()
    {
        await using var server = await StartAsync(o => o.SecretQueryParameterName = "token");

        using var byQuery = await PostAsync(server, query: Secret);
        using var wrongHeaderRightQuery = await PostAsync(server, header: "wrong", query: Secret);

        Assert.Equal(HttpStatusCode.OK, byQuery.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongHeaderRightQuery.StatusCode);
    }

    [Fact]
    public async Task A_query_parameter_is_ignored_unless_configured()
    {
        await using var server = await StartAsync();

        using var response = await PostAsync(server, query: Secret);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_custom_header_name_is_used()
    {
        await using var server = await StartAsync(o => o.SecretHeaderName = "X-Hook-Token");

        using var ok = await PostAsync(server, header: Secret, headerName: "X-Hook-Token");
        using var defaultName = await PostAsync(server, header: Secret);

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, defaultName.StatusCode);
    }

    [Fact]
    public async Task Neither_the_secret_nor_a_presented_value_ever_reaches_any_log_at_any_level()
    {
        const string wrong = "Wr0ng-Guess-Of-The-Secret";
        await using var server = await StartAsync();

        (await PostAsync(server, header: Secret)).Dispose();
        (await PostAsync(server, header: wrong)).Dispose();
        (await PostAsync(server)).Dispose();

        var all = server.Logs.AllText;
        Assert.DoesNotContain(Secret, all, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, all, StringComparison.Ordinal);
        Assert.Equal(["wrong", "missing"], server.Logs.Webhook(7).Select(e => (string)e.Values["Problem"]!));
        Assert.Contains(server.Logs.Entries, e => e.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) && e.Level == Microsoft.Extensions.Logging.LogLevel.Debug);
    }

    [Fact]
    public async Task A_secret_in_the_query_stays_out_of_the_webhook_logs()
    {
        await using var server = await StartAsync(o => o.SecretQueryParameterName = "token");

        (await PostAsync(server, query: Secret)).Dispose();
        (await PostAsync(server, query: "wrong-value-in-query")).Dispose();

        var ours = string.Join("\n", server.Logs.Entries.Where(e => e.Category == "LakeFs.Actions.Webhooks"));
        Assert.DoesNotContain(Secret, ours, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-value-in-query", ours, StringComparison.Ordinal);
        Assert.Single(server.Logs.Webhook(7));
    }

    [Theory]
    [InlineData(Secret, true)]
    [InlineData("", false)]
    [InlineData("s3cr3t", false)]
    [InlineData(Secret + Secret, false)]
    [InlineData("s3cr3t-Value-7f1d", false)]
    public void Matching_compares_whole_values(string presented, bool expected)
    {
        var secret = new SharedSecret(Secret, "X-A", null);

        Assert.Equal(expected, secret.Matches(presented));
    }
}
