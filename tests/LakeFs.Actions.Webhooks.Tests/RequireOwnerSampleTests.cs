using System.Net;
using LakeFs.Actions.Samples.RequireOwner;
using LakeFs.Actions.Webhooks.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LakeFs.Actions.Webhooks.Tests;

/// <summary>The sample service end to end: started as it is deployed (its own Program setup, <c>--urls</c> on a loopback port chosen at run time), then posted to over HTTP.</summary>
public sealed class RequireOwnerSampleTests : IAsyncLifetime
{
    private const string Secret = "sample-secret-1234";
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _app = RequireOwnerApp.Create(["--urls", "http://127.0.0.1:0"], builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RequireOwner:Branches:0"] = "main",
            ["RequireOwner:Branches:1"] = "release-*",
            ["LakeFsWebhooks:Secret"] = Secret,
        }));
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _client = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(GoPayload payload, string? secret = Secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, RequireOwnerApp.HookRoute) { Content = WebhookServer.Json(payload.ToJson()) };
        if (secret is not null)
        {
            request.Headers.Add("X-LakeFs-Webhook-Secret", secret);
        }

        using var response = await _client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("pre-commit", "commit")]
    [InlineData("pre-merge", "merge")]
    public async Task A_commit_or_merge_into_main_without_owner_is_refused_with_a_reason_that_says_so(string eventType, string what)
    {
        var payload = LakeFsPayloads.For(eventType) with { CommitMetadata = new Dictionary<string, string> { ["ticket"] = "DATA-1" } };

        var (status, body) = await PostAsync(payload);

        Assert.Equal(HttpStatusCode.PreconditionFailed, status);
        Assert.StartsWith($"Refused: the {what} into branch 'main' (matches 'main') needs the commit metadata key 'owner', which is missing.", body, StringComparison.Ordinal);
        Assert.EndsWith("\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_metadata_at_all_and_a_blank_owner_are_refused_too()
    {
        var (noMetadata, _) = await PostAsync(LakeFsPayloads.For("pre-commit") with { CommitMetadata = null });
        var (blank, body) = await PostAsync(LakeFsPayloads.For("pre-commit") with { CommitMetadata = new Dictionary<string, string> { ["owner"] = " " } });

        Assert.Equal(HttpStatusCode.PreconditionFailed, noMetadata);
        Assert.Equal(HttpStatusCode.PreconditionFailed, blank);
        Assert.Contains("which is blank", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_commit_with_an_owner_passes()
    {
        var (status, body) = await PostAsync(LakeFsPayloads.For("pre-commit"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Owner 'jane' recorded for this commit into 'main'.\n", body);
    }

    [Theory]
    [InlineData("release-2026")]
    [InlineData("release-")]
    public async Task Every_configured_pattern_is_guarded(string branch)
    {
        var (status, body) = await PostAsync(LakeFsPayloads.For("pre-commit") with { BranchId = branch, CommitMetadata = null });

        Assert.Equal(HttpStatusCode.PreconditionFailed, status);
        Assert.Contains("(matches 'release-*')", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("main2")]
    [InlineData("releases")]
    public async Task Other_branches_pass_without_owner(string branch)
    {
        var (status, _) = await PostAsync(LakeFsPayloads.For("pre-commit") with { BranchId = branch, CommitMetadata = null });

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Theory]
    [MemberData(nameof(LakeFsPayloads.Events), MemberType = typeof(LakeFsPayloads))]
    public async Task Every_other_event_passes_even_on_main_without_owner(string eventType)
    {
        var payload = LakeFsPayloads.For(eventType) with { CommitMetadata = null };

        var (status, _) = await PostAsync(payload);

        var guarded = eventType is "pre-commit" or "pre-merge" && payload.BranchId == "main";
        Assert.Equal(guarded ? HttpStatusCode.PreconditionFailed : HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Without_the_secret_the_hook_is_401()
    {
        var (status, _) = await PostAsync(LakeFsPayloads.For("pre-commit"), secret: null);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task Healthz_answers_healthy()
    {
        using var response = await _client.GetAsync(RequireOwnerApp.HealthRoute);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
