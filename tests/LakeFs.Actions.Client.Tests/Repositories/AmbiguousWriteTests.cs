using LakeFs.Actions.Client.Testing;
using LakeFs.Actions.Client.Tests.Infrastructure;

namespace LakeFs.Actions.Client.Tests.Repositories;

/// <summary>
/// After a write's answer was lost (a 5xx the server sent after acting), the retry's answer describes what happened:
/// a DELETE whose retry finds the repository gone succeeded; a conditional branch-protection replace whose retry gets
/// 412 succeeded when the rules are the ones it wrote, and is a conflict only otherwise; the add helper does not call
/// the rule it just added "already there". Against the emulator (lakeFS's semantics), the lost answer injected in the
/// client's transport.
/// </summary>
public sealed class AmbiguousWriteTests : IAsyncLifetime
{
    private LakeFsActionsEmulator _lakeFs = null!;

    public async Task InitializeAsync()
    {
        _lakeFs = await LakeFsActionsEmulator.StartAsync();
        _lakeFs.AddRepository("repo");
    }

    public async Task DisposeAsync() => await _lakeFs.DisposeAsync();

    private LakeFsRepositoriesClient Client(HttpMessageHandler transport) => new(
        new LakeFsClientOptions
        {
            Endpoint = _lakeFs.Endpoint,
            AccessKeyId = _lakeFs.AccessKeyId,
            SecretAccessKey = _lakeFs.SecretAccessKey,
            Retry = { MaxRetries = 2, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero },
        },
        transport);

    private static Func<HttpRequestMessage, bool> Is(HttpMethod method, string pathEnd) =>
        request => request.Method == method && request.RequestUri!.AbsolutePath.EndsWith(pathEnd, StringComparison.Ordinal);

    /// <summary>The stored patterns, sorted (lakeFS does not promise an order).</summary>
    private static async Task<List<string?>> PatternsAsync(LakeFsRepositoriesClient client) =>
        [.. (await client.GetBranchProtectionRulesAsync("repo")).Rules.Select(rule => rule.Pattern).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task A_delete_applied_but_answered_503_whose_retry_gets_404_succeeded()
    {
        using var transport = new LostAnswerTransport { Matches = Is(HttpMethod.Delete, "/repositories/repo") };
        using var client = Client(transport);

        await client.DeleteRepositoryAsync("repo");

        Assert.Equal(2, transport.Matched);
        var gone = await Assert.ThrowsAsync<LakeFsApiException>(() => client.GetRepositoryAsync("repo"));
        Assert.Equal(404, gone.StatusCode);
    }

    [Fact]
    public async Task A_delete_refused_unread_with_429_whose_retry_gets_404_is_not_found()
    {
        using var transport = new LostAnswerTransport { Matches = Is(HttpMethod.Delete, "/repositories/missing"), Status = 429, Applied = false };
        using var client = Client(transport);

        var error = await Assert.ThrowsAsync<LakeFsApiException>(() => client.DeleteRepositoryAsync("missing"));

        Assert.Equal(404, error.StatusCode);
        Assert.Equal(2, error.Attempts);
    }

    [Fact]
    public async Task A_conditional_replace_applied_but_answered_503_whose_retry_gets_412_succeeded()
    {
        using var transport = new LostAnswerTransport { Matches = Is(HttpMethod.Put, "/settings/branch_protection") };
        using var client = Client(transport);
        using var seed = Client(new SocketsHttpHandler());
        await seed.SetBranchProtectionRulesAsync("repo", [new BranchProtectionRule { Pattern = "main" }]);
        var read = await client.GetBranchProtectionRulesAsync("repo");

        await client.SetBranchProtectionRulesAsync("repo", [new BranchProtectionRule { Pattern = "main" }, new BranchProtectionRule { Pattern = "dev" }], read.ETag);

        Assert.Equal(2, transport.Matched); // the retry got 412 from the first attempt's own change
        Assert.Equal(["dev", "main"], await PatternsAsync(client));
    }

    [Fact]
    public async Task A_conditional_replace_whose_retry_gets_412_after_another_writer_changed_the_rules_is_a_conflict()
    {
        using var other = Client(new SocketsHttpHandler());
        await other.SetBranchProtectionRulesAsync("repo", [new BranchProtectionRule { Pattern = "main" }]);
        using var transport = new LostAnswerTransport
        {
            Matches = Is(HttpMethod.Put, "/settings/branch_protection"),
            AfterApplied = () => other.SetBranchProtectionRulesAsync("repo", [new BranchProtectionRule { Pattern = "release-*" }]),
        };
        using var client = Client(transport);
        var read = await client.GetBranchProtectionRulesAsync("repo");

        var error = await Assert.ThrowsAsync<LakeFsApiException>(() =>
            client.SetBranchProtectionRulesAsync("repo", [new BranchProtectionRule { Pattern = "main" }, new BranchProtectionRule { Pattern = "dev" }], read.ETag));

        Assert.Equal(412, error.StatusCode);
        Assert.Equal(2, error.Attempts);
        Assert.DoesNotContain("Gave up", error.Message, StringComparison.Ordinal);
        Assert.Contains("the earlier attempts got: HTTP 503", error.Message, StringComparison.Ordinal);
        Assert.Equal(["release-*"], await PatternsAsync(client));
    }

    [Fact]
    public async Task Adding_a_rule_whose_write_was_applied_but_answered_503_reports_it_added()
    {
        using var seed = Client(new SocketsHttpHandler());
        await seed.SetBranchProtectionRulesAsync("repo", [new BranchProtectionRule { Pattern = "main" }]);
        using var transport = new LostAnswerTransport { Matches = Is(HttpMethod.Put, "/settings/branch_protection") };
        using var client = Client(transport);

        var added = await client.AddBranchProtectionRuleAsync("repo", "release-*");

        Assert.True(added);
        Assert.Equal(["main", "release-*"], await PatternsAsync(client));
        Assert.False(await client.AddBranchProtectionRuleAsync("repo", "release-*")); // now it is there already
    }

    [Fact]
    public async Task Removing_a_rule_whose_write_was_applied_but_answered_503_reports_it_removed()
    {
        using var seed = Client(new SocketsHttpHandler());
        await seed.SetBranchProtectionRulesAsync("repo", [new BranchProtectionRule { Pattern = "main" }, new BranchProtectionRule { Pattern = "dev" }]);
        using var transport = new LostAnswerTransport { Matches = Is(HttpMethod.Put, "/settings/branch_protection") };
        using var client = Client(transport);

        Assert.True(await client.RemoveBranchProtectionRuleAsync("repo", "dev"));
        Assert.Equal(["main"], await PatternsAsync(client));
    }
}
