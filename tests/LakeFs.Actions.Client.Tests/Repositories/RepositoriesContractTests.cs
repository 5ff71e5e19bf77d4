using LakeFs.Actions.Client.Tests.Infrastructure;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace LakeFs.Actions.Client.Tests.Repositories;

/// <summary>
/// The exact request of each of the fourteen RepositoriesApi operations (method, path, query, body, headers), and how
/// the client reads each answer, against WireMock.
/// </summary>
public sealed class RepositoriesContractTests : IDisposable
{
    private const string RepositoryJson = """{"id":"my-repo","creation_date":1753272000,"default_branch":"main","storage_namespace":"s3://bucket/my-repo","storage_id":"","read_only":false}""";
    private const string ETag = "3f4c1b2a9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b";
    private readonly WireMockLakeFs _lakeFs = new();
    private readonly LakeFsRepositoriesClient _client;

    public RepositoriesContractTests() => _client = new LakeFsRepositoriesClient(_lakeFs.Options(), transport: null, loggerFactory: null);

    public void Dispose()
    {
        _client.Dispose();
        _lakeFs.Dispose();
    }

    private void Answer(string method, string path, int status, string? body = null, params (string Name, string Value)[] headers)
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("X-Request-ID", "req-1");
        if (body is not null)
        {
            response = response.WithHeader("Content-Type", "application/json").WithBody(body);
        }

        foreach (var (name, value) in headers)
        {
            response = response.WithHeader(name, value);
        }

        _lakeFs.Server.Given(Request.Create().WithPath("/api/v1" + path).UsingMethod(method)).RespondWith(response);
    }

    private ILogEntry Single() => Assert.Single(_lakeFs.Requests);

    private static void AssertRequest(ILogEntry entry, string method, string pathAndQuery, string? body = null, string? ifMatch = null)
    {
        var request = entry.RequestMessage;
        Assert.Equal(method, request.Method);
        Assert.Equal(pathAndQuery, WireMockLakeFs.PathAndQuery(entry));
        Assert.StartsWith("Basic ", request.Headers!["Authorization"].Single(), StringComparison.Ordinal);
        if (body is null)
        {
            Assert.True(string.IsNullOrEmpty(request.Body), "no body expected, got: " + request.Body);
        }
        else
        {
            Assert.Equal(body, request.Body);
            Assert.Equal("application/json", request.Headers!["Content-Type"].Single().Split(';')[0]);
        }

        if (ifMatch is null)
        {
            Assert.False(request.Headers!.ContainsKey("If-Match"));
        }
        else
        {
            Assert.Equal([ifMatch], request.Headers!["If-Match"]);
        }
    }

    [Fact]
    public async Task ListRepositories_sends_its_query()
    {
        Answer("GET", "/repositories", 200, """{"pagination":{"has_more":false,"next_offset":"","results":1,"max_per_page":1000},"results":[""" + RepositoryJson + "]}");

        var all = new List<Repository>();
        await foreach (var repository in _client.ListRepositoriesAsync(new RepositoryQuery { Prefix = "my", Search = "re", PageSize = 10 }))
        {
            all.Add(repository);
        }

        Assert.Equal("my-repo", Assert.Single(all).Id);
        AssertRequest(Single(), "GET", "/api/v1/repositories?prefix=my&amount=10&search=re");
    }

    [Fact]
    public async Task GetRepository_reads_the_repository()
    {
        Answer("GET", "/repositories/my-repo", 200, RepositoryJson);

        var repository = await _client.GetRepositoryAsync("my-repo");

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1753272000), repository.CreationDate);
        AssertRequest(Single(), "GET", "/api/v1/repositories/my-repo");
    }

    [Fact]
    public async Task CreateRepository_sends_the_body_with_only_the_fields_set()
    {
        Answer("POST", "/repositories", 201, RepositoryJson);

        await _client.CreateRepositoryAsync("my-repo", "s3://bucket/my-repo");

        AssertRequest(Single(), "POST", "/api/v1/repositories", """{"name":"my-repo","storage_namespace":"s3://bucket/my-repo"}""");
    }

    [Fact]
    public async Task CreateRepository_bare_read_only_with_every_option()
    {
        Answer("POST", "/repositories", 201, """{"id":"my-repo","creation_date":1,"default_branch":"trunk","storage_namespace":"s3://bucket/my-repo","storage_id":"s1"}""");

        var created = await _client.CreateRepositoryAsync("my-repo", "s3://bucket/my-repo", new CreateRepositoryOptions { Bare = true, DefaultBranch = "trunk", ReadOnly = true, SampleData = true, StorageId = "s1" });

        Assert.Null(created.ReadOnly);
        AssertRequest(Single(), "POST", "/api/v1/repositories?bare=true", """{"name":"my-repo","storage_namespace":"s3://bucket/my-repo","default_branch":"trunk","sample_data":true,"read_only":true,"storage_id":"s1"}""");
    }

    [Fact]
    public async Task CreateRepository_with_exist_ok_reads_the_repository_after_409()
    {
        Answer("POST", "/repositories", 409, """{"message":"error creating repository: not unique"}""");
        Answer("GET", "/repositories/my-repo", 200, RepositoryJson);

        var repository = await _client.CreateRepositoryAsync("my-repo", "s3://bucket/my-repo", new CreateRepositoryOptions { ExistOk = true });

        Assert.Equal("my-repo", repository.Id);
        Assert.Equal(["/api/v1/repositories", "/api/v1/repositories/my-repo"], _lakeFs.RequestTargets);
    }

    [Fact]
    public async Task CreateRepository_without_exist_ok_throws_the_409()
    {
        Answer("POST", "/repositories", 409, """{"message":"error creating repository: not unique"}""");

        var error = await Assert.ThrowsAsync<LakeFsApiException>(() => _client.CreateRepositoryAsync("my-repo", "s3://bucket/my-repo"));

        Assert.Equal(409, error.StatusCode);
        Assert.Equal("error creating repository: not unique", error.ServerMessage);
        Assert.Single(_lakeFs.Requests);
    }

    [Theory]
    [InlineData(false, "/api/v1/repositories/my-repo")]
    [InlineData(true, "/api/v1/repositories/my-repo?force=true")]
    public async Task DeleteRepository_sends_force_only_when_asked(bool force, string target)
    {
        Answer("DELETE", "/repositories/my-repo", 204);

        await _client.DeleteRepositoryAsync("my-repo", force);

        AssertRequest(Single(), "DELETE", target);
    }

    [Fact]
    public async Task GetRepositoryMetadata_reads_string_pairs()
    {
        Answer("GET", "/repositories/my-repo/metadata", 200, """{"team":"data"}""");

        var metadata = await _client.GetRepositoryMetadataAsync("my-repo");

        Assert.Equal("data", metadata["team"]);
        AssertRequest(Single(), "GET", "/api/v1/repositories/my-repo/metadata");
    }

    [Fact]
    public async Task GetGCRules_reads_null_branches_as_an_empty_list()
    {
        Answer("GET", "/repositories/my-repo/settings/gc_rules", 200, """{"branches":null,"default_retention_days":14}""");

        var rules = await _client.GetGCRulesAsync("my-repo");

        Assert.Equal(14, rules!.DefaultRetentionDays);
        Assert.Empty(rules.Branches!);
        AssertRequest(Single(), "GET", "/api/v1/repositories/my-repo/settings/gc_rules");
    }

    [Fact]
    public async Task GetGCRules_not_found_confirms_the_repository_and_answers_null()
    {
        Answer("GET", "/repositories/my-repo/settings/gc_rules", 404, """{"message":"not found"}""");
        Answer("GET", "/repositories/my-repo", 200, RepositoryJson);

        Assert.Null(await _client.GetGCRulesAsync("my-repo"));
        Assert.Equal(["/api/v1/repositories/my-repo/settings/gc_rules", "/api/v1/repositories/my-repo"], _lakeFs.RequestTargets);
    }

    [Fact]
    public async Task GetGCRules_repository_not_found_is_thrown_without_another_request()
    {
        Answer("GET", "/repositories/my-repo/settings/gc_rules", 404, """{"message":"repository not found"}""");

        var error = await Assert.ThrowsAsync<LakeFsApiException>(() => _client.GetGCRulesAsync("my-repo"));

        Assert.Equal(404, error.StatusCode);
        Assert.Single(_lakeFs.Requests);
    }

    [Fact]
    public async Task GetGCRules_not_found_for_a_repository_that_is_gone_throws_the_repositorys_404()
    {
        Answer("GET", "/repositories/my-repo/settings/gc_rules", 404, """{"message":"not found"}""");
        Answer("GET", "/repositories/my-repo", 404, """{"message":"repository not found"}""");

        var error = await Assert.ThrowsAsync<LakeFsApiException>(() => _client.GetGCRulesAsync("my-repo"));

        Assert.Equal("getRepository", error.Operation);
        Assert.Equal(404, error.StatusCode);
    }

    [Fact]
    public async Task SetGCRules_always_sends_an_array_of_branches()
    {
        Answer("PUT", "/repositories/my-repo/settings/gc_rules", 204);
        var rules = new GarbageCollectionRules { DefaultRetentionDays = 7, Branches = null };

        await _client.SetGCRulesAsync("my-repo", rules);

        AssertRequest(Single(), "PUT", "/api/v1/repositories/my-repo/settings/gc_rules", """{"default_retention_days":7,"branches":[]}""");
        Assert.Null(rules.Branches); // the caller's object is not changed
    }

    [Fact]
    public async Task SetGCRules_sends_branch_rules()
    {
        Answer("PUT", "/repositories/my-repo/settings/gc_rules", 204);

        await _client.SetGCRulesAsync("my-repo", new GarbageCollectionRules { DefaultRetentionDays = 7, Branches = [new GarbageCollectionRule { BranchId = "main", RetentionDays = 30 }] });

        AssertRequest(Single(), "PUT", "/api/v1/repositories/my-repo/settings/gc_rules", """{"default_retention_days":7,"branches":[{"branch_id":"main","retention_days":30}]}""");
    }

    [Fact]
    public async Task DeleteGCRules_sends_a_DELETE()
    {
        Answer("DELETE", "/repositories/my-repo/settings/gc_rules", 204);

        await _client.DeleteGCRulesAsync("my-repo");

        AssertRequest(Single(), "DELETE", "/api/v1/repositories/my-repo/settings/gc_rules");
    }

    [Fact]
    public async Task GetBranchProtectionRules_reads_the_raw_unquoted_ETag()
    {
        Answer("GET", "/repositories/my-repo/settings/branch_protection", 200, """[{"pattern":"main"}]""", ("ETag", ETag));

        var rules = await _client.GetBranchProtectionRulesAsync("my-repo");

        Assert.Equal(ETag, rules.ETag);
        Assert.Equal("main", Assert.Single(rules.Rules).Pattern);
        AssertRequest(Single(), "GET", "/api/v1/repositories/my-repo/settings/branch_protection");
    }

    [Fact]
    public async Task GetBranchProtectionRules_without_an_ETag_reads_it_as_empty()
    {
        Answer("GET", "/repositories/my-repo/settings/branch_protection", 200, "[]");

        var rules = await _client.GetBranchProtectionRulesAsync("my-repo");

        Assert.Equal(string.Empty, rules.ETag);
        Assert.Empty(rules.Rules);
    }

    [Fact]
    public async Task SetBranchProtectionRules_sends_If_Match_exactly_as_given()
    {
        Answer("PUT", "/repositories/my-repo/settings/branch_protection", 204);

        await _client.SetBranchProtectionRulesAsync("my-repo", [new BranchProtectionRule { Pattern = "main" }, new BranchProtectionRule { Pattern = "release-*" }], ETag);

        AssertRequest(Single(), "PUT", "/api/v1/repositories/my-repo/settings/branch_protection", """[{"pattern":"main"},{"pattern":"release-*"}]""", ifMatch: ETag);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task SetBranchProtectionRules_without_an_ETag_sends_no_If_Match(string? ifMatch)
    {
        Answer("PUT", "/repositories/my-repo/settings/branch_protection", 204);

        await _client.SetBranchProtectionRulesAsync("my-repo", [new BranchProtectionRule { Pattern = "main" }], ifMatch);

        AssertRequest(Single(), "PUT", "/api/v1/repositories/my-repo/settings/branch_protection", """[{"pattern":"main"}]""");
    }

    [Fact]
    public async Task AddBranchProtectionRule_reads_again_after_a_412_and_writes_with_the_fresh_ETag()
    {
        const string Fresh = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
        var get = Request.Create().WithPath("/api/v1/repositories/my-repo/settings/branch_protection").UsingGet();
        var put = Request.Create().WithPath("/api/v1/repositories/my-repo/settings/branch_protection").UsingPut();
        _lakeFs.Server.Given(get).InScenario("rmw").WillSetStateTo("changed")
            .RespondWith(WireMockLakeFs.JsonResponse(200, """[{"pattern":"dev"}]""", ("ETag", ETag)));
        _lakeFs.Server.Given(put).InScenario("rmw").WhenStateIs("changed").WillSetStateTo("reread")
            .RespondWith(WireMockLakeFs.JsonResponse(412, """{"message":"Precondition failed"}"""));
        _lakeFs.Server.Given(get).InScenario("rmw").WhenStateIs("reread").WillSetStateTo("fresh")
            .RespondWith(WireMockLakeFs.JsonResponse(200, """[{"pattern":"dev"},{"pattern":"qa"}]""", ("ETag", Fresh)));
        _lakeFs.Server.Given(put).InScenario("rmw").WhenStateIs("fresh")
            .RespondWith(Response.Create().WithStatusCode(204));

        Assert.True(await _client.AddBranchProtectionRuleAsync("my-repo", "main"));

        var puts = _lakeFs.Requests.Where(e => e.RequestMessage.Method == "PUT").ToList();
        Assert.Equal(2, puts.Count);
        AssertRequest(puts[0], "PUT", "/api/v1/repositories/my-repo/settings/branch_protection", """[{"pattern":"dev"},{"pattern":"main"}]""", ifMatch: ETag);
        AssertRequest(puts[1], "PUT", "/api/v1/repositories/my-repo/settings/branch_protection", """[{"pattern":"dev"},{"pattern":"qa"},{"pattern":"main"}]""", ifMatch: Fresh);
    }

    [Fact]
    public async Task AddBranchProtectionRule_gives_up_after_bounded_attempts_with_a_412()
    {
        Answer("GET", "/repositories/my-repo/settings/branch_protection", 200, """[{"pattern":"dev"}]""", ("ETag", ETag));
        Answer("PUT", "/repositories/my-repo/settings/branch_protection", 412, """{"message":"Precondition failed"}""");

        var error = await Assert.ThrowsAsync<LakeFsApiException>(() => _client.AddBranchProtectionRuleAsync("my-repo", "main"));

        Assert.Equal(412, error.StatusCode);
        Assert.Contains("5 read-modify-write attempts", error.Message, StringComparison.Ordinal);
        Assert.Equal(LakeFsRepositoriesClient.BranchProtectionAttempts, _lakeFs.Requests.Count(e => e.RequestMessage.Method == "PUT"));
    }

    [Fact]
    public async Task AddBranchProtectionRule_first_rule_is_written_without_If_Match()
    {
        Answer("GET", "/repositories/my-repo/settings/branch_protection", 200, "[]", ("ETag", string.Empty));
        Answer("PUT", "/repositories/my-repo/settings/branch_protection", 204);

        Assert.True(await _client.AddBranchProtectionRuleAsync("my-repo", "main"));

        AssertRequest(_lakeFs.Requests[1], "PUT", "/api/v1/repositories/my-repo/settings/branch_protection", """[{"pattern":"main"}]""");
    }

    [Fact]
    public async Task DumpSubmit_and_DumpStatus()
    {
        Answer("POST", "/repositories/my-repo/dump", 202, """{"id":"DRabc_def-ghij0123456789"}""");
        Answer("GET", "/repositories/my-repo/dump", 200, """{"id":"DRabc_def-ghij0123456789","done":true,"update_time":"2026-07-23T12:00:03Z","refs":{"commits_meta_range_id":"c","tags_meta_range_id":"t","branches_meta_range_id":"b"}}""");

        var taskId = await _client.SubmitDumpAsync("my-repo");
        var status = await _client.GetDumpStatusAsync("my-repo", taskId);

        Assert.Equal("DRabc_def-ghij0123456789", taskId);
        Assert.True(status.Done);
        Assert.Equal("c", status.Refs!.CommitsMetaRangeId);
        AssertRequest(_lakeFs.Requests[0], "POST", "/api/v1/repositories/my-repo/dump");
        AssertRequest(_lakeFs.Requests[1], "GET", "/api/v1/repositories/my-repo/dump?task_id=DRabc_def-ghij0123456789");
    }

    [Fact]
    public async Task RestoreSubmit_and_RestoreStatus()
    {
        Answer("POST", "/repositories/my-repo/restore", 202, """{"id":"RRabcdefghij0123456789"}""");
        Answer("GET", "/repositories/my-repo/restore", 200, """{"id":"RRabcdefghij0123456789","done":true,"update_time":"2026-07-23T12:00:03Z","error":"read-only repository"}""");

        var taskId = await _client.SubmitRestoreAsync("my-repo", new RefsDump { CommitsMetaRangeId = "c", TagsMetaRangeId = "t", BranchesMetaRangeId = "b" }, force: true);
        var status = await _client.GetRestoreStatusAsync("my-repo", taskId);

        Assert.Equal("read-only repository", status.Error);
        AssertRequest(_lakeFs.Requests[0], "POST", "/api/v1/repositories/my-repo/restore", """{"commits_meta_range_id":"c","tags_meta_range_id":"t","branches_meta_range_id":"b","force":true}""");
        AssertRequest(_lakeFs.Requests[1], "GET", "/api/v1/repositories/my-repo/restore?task_id=RRabcdefghij0123456789");
    }

    [Fact]
    public async Task RestoreSubmit_without_force_leaves_it_out()
    {
        Answer("POST", "/repositories/my-repo/restore", 202, """{"id":"RRabcdefghij0123456789"}""");

        await _client.SubmitRestoreAsync("my-repo", new RefsDump { CommitsMetaRangeId = "c", TagsMetaRangeId = "t", BranchesMetaRangeId = "b" });

        AssertRequest(Single(), "POST", "/api/v1/repositories/my-repo/restore", """{"commits_meta_range_id":"c","tags_meta_range_id":"t","branches_meta_range_id":"b"}""");
    }
}
