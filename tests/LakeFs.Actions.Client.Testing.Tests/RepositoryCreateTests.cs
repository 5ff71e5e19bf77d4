using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace LakeFs.Actions.Client.Testing.Tests;

/// <summary>createRepository: 201, bare, 409, request validation before authentication, blockstore and namespace-in-use checks.</summary>
public sealed class RepositoryCreateTests
{
    [Fact]
    public async Task Create_answers_201_with_the_repository_which_is_then_readable_and_listed()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero).AddMilliseconds(800));
        await using var lakeFs = await LakeFsActionsEmulator.StartAsync(new LakeFsEmulatorOptions { TimeProvider = clock });
        using var http = lakeFs.CreateHttpClient();

        var created = (await Api.CreateRepositoryAsync(http, "new-repo", "local://data/new-repo")).Expect(HttpStatusCode.Created);

        Assert.True(created.HasRequestId);
        var json = created.Json;
        Assert.Equal("new-repo", json.GetProperty("id").GetString());
        Assert.Equal("main", json.GetProperty("default_branch").GetString());
        Assert.Equal("local://data/new-repo", json.GetProperty("storage_namespace").GetString());
        Assert.Equal(clock.GetUtcNow().ToUnixTimeSeconds(), json.GetProperty("creation_date").GetInt64());
        Assert.False(json.GetProperty("read_only").GetBoolean());
        Assert.Equal(json.GetRawText(), (await Api.GetJsonAsync(http, "api/v1/repositories/new-repo")).GetRawText());
        Assert.Equal(1, lakeFs.RequestCount(EmulatorOperations.CreateRepository));
    }

    [Fact]
    public async Task Default_branch_and_read_only_are_taken_from_the_body()
    {
        await using var lakeFs = await LakeFsActionsEmulator.StartAsync();
        using var http = lakeFs.CreateHttpClient();

        var json = (await Api.CreateRepositoryAsync(http, "archive", "local://a", extra: ",\"default_branch\":\"trunk\",\"read_only\":true"))
            .Expect(HttpStatusCode.Created).Json;

        Assert.Equal("trunk", json.GetProperty("default_branch").GetString());
        Assert.True(json.GetProperty("read_only").GetBoolean());
    }

    [Fact]
    public async Task A_bare_create_answers_without_read_only()
    {
        await using var lakeFs = await LakeFsActionsEmulator.StartAsync();
        using var http = lakeFs.CreateHttpClient();

        var bare = (await Api.CreateRepositoryAsync(http, "bare-repo", "local://bare", "?bare=true")).Expect(HttpStatusCode.Created).Json;
        var goTrue = (await Api.CreateRepositoryAsync(http, "bare-two", "local://bare2", "?bare=1")).Expect(HttpStatusCode.Created).Json;

        Assert.False(bare.TryGetProperty("read_only", out _));
        Assert.False(goTrue.TryGetProperty("read_only", out _));
        Assert.Equal("bare-repo", bare.GetProperty("id").GetString());
        Assert.False((await Api.GetJsonAsync(http, "api/v1/repositories/bare-repo")).GetProperty("read_only").GetBoolean());
    }

    [Theory]
    [InlineData("")]
    [InlineData("?bare=true")]
    public async Task Creating_an_existing_name_is_409_not_unique_whatever_the_body(string query)
    {
        await using var lakeFs = await LakeFsActionsEmulator.StartAsync();
        lakeFs.AddRepository("taken", storageNamespace: "local://first");
        using var http = lakeFs.CreateHttpClient();

        var answer = (await Api.CreateRepositoryAsync(http, "taken", "local://elsewhere", query)).Expect(HttpStatusCode.Conflict);

        Assert.Equal("error creating repository: not unique", answer.Message);
        Assert.True(answer.HasRequestId);
        Assert.Equal("local://first", (await Api.GetJsonAsync(http, "api/v1/repositories/taken")).GetProperty("storage_namespace").GetString());
    }

    [Theory]
    [InlineData("{\"name\":\"Bad_Name\",\"storage_namespace\":\"local://x\"}", "Error at \"/name\": string doesn't match the regular expression")]
    [InlineData("{\"name\":\"ab\",\"storage_namespace\":\"local://x\"}", "/name")]
    [InlineData("{\"name\":\"good-name\",\"storage_namespace\":\"ftp://x\"}", "Error at \"/storage_namespace\"")]
    [InlineData("{\"name\":\"good-name\"}", "property \"storage_namespace\" is missing")]
    [InlineData("{\"name\":\"good-name\",\"storage_namespace\":\"local://x\",\"read_only\":\"yes\"}", "value must be a boolean")]
    [InlineData("[]", "value must be an object")]
    [InlineData("{\"name\":", "failed to decode request body")]
    public async Task A_body_that_breaks_the_schema_is_400_before_authentication_and_without_a_request_id(string body, string expected)
    {
        await using var lakeFs = await LakeFsActionsEmulator.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = lakeFs.Endpoint };

        var answer = await Api.SendAsync(anonymous, HttpMethod.Post, "api/v1/repositories", body);

        answer.Expect(HttpStatusCode.BadRequest);
        Assert.False(answer.HasRequestId);
        Assert.Equal("application/json", answer.MediaType);
        Assert.StartsWith("request body has an error: ", answer.Message, StringComparison.Ordinal);
        Assert.Contains(expected, answer.Message, StringComparison.Ordinal);
        var valid = await Api.CreateRepositoryAsync(anonymous, "good-name", "local://x");
        valid.Expect(HttpStatusCode.Unauthorized);
        Assert.True(valid.HasRequestId);
    }

    [Fact]
    public async Task The_name_pattern_is_anchored_like_go_so_a_trailing_newline_is_rejected()
    {
        await using var lakeFs = await LakeFsActionsEmulator.StartAsync();
        using var http = lakeFs.CreateHttpClient();

        var answer = await Api.SendAsync(http, HttpMethod.Post, "api/v1/repositories", "{\"name\":\"repo\\n\",\"storage_namespace\":\"local://x\"}");

        answer.Expect(HttpStatusCode.BadRequest);
        Assert.Contains("doesn't match schema #/components/schemas/RepositoryCreation", answer.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_without_json_content_type_is_a_validation_error()
    {
        await using var lakeFs = await LakeFsActionsEmulator.StartAsync();
        using var http = lakeFs.CreateHttpClient();
        using var content = new StringContent("{\"name\":\"good-name\",\"storage_namespace\":\"local://x\"}", System.Text.Encoding.UTF8, "text/plain");

        using var response = await http.PostAsync("api/v1/repositories", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("X-Request-ID"));
        Assert.Contains("Content-Type", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bare_value_that_is_not_a_go_boolean_is_a_validation_error_and_an_empty_one_is_plain_text()
    {
        await using var lakeFs = await LakeFsActionsEmulator.StartAsync();
        using var http = lakeFs.CreateHttpClient();

        var notBoolean = (await Api.CreateRepositoryAsync(http, "good-name", "local://x", "?bare=yes")).Expect(HttpStatusCode.BadRequest);
        var empty = (await Api.CreateRepositoryAsync(http, "good-name", "local://x", "?bare=")).Expect(HttpStatusCode.BadRequest);

        Assert.False(notBoolean.HasRequestId);
        Assert.Equal("parameter \"bare\" in query has an error: value yes: an invalid boolean: invalid syntax", notBoolean.Message);
        Assert.Equal("text/plain", empty.MediaType);
        Assert.True(empty.HasRequestId);
        Assert.StartsWith("Invalid format for parameter bare", empty.Body, StringComparison.Ordinal);
        Assert.Empty((await Api.GetJsonAsync(http, "api/v1/repositories")).GetProperty("results").EnumerateArray());
    }

    [Fact]
    public async Task A_namespace_of_another_blockstore_is_400_invalid_namespace()
    {
        await using var local = await LakeFsActionsEmulator.StartAsync();
        await using var s3 = await LakeFsActionsEmulator.StartAsync(new LakeFsEmulatorOptions { BlockstoreType = "s3" });
        using var localHttp = local.CreateHttpClient();
        using var s3Http = s3.CreateHttpClient();

        var rejected = (await Api.CreateRepositoryAsync(localHttp, "on-s3", "s3://bucket/on-s3")).Expect(HttpStatusCode.BadRequest);
        var rejectedBare = (await Api.CreateRepositoryAsync(localHttp, "on-s3", "s3://bucket/on-s3", "?bare=true")).Expect(HttpStatusCode.BadRequest);

        Assert.EndsWith("invalid namespace", rejected.Message, StringComparison.Ordinal);
        Assert.EndsWith("invalid namespace", rejectedBare.Message, StringComparison.Ordinal);
        Assert.True(rejected.HasRequestId);
        (await Api.CreateRepositoryAsync(s3Http, "on-s3", "s3://bucket/on-s3")).Expect(HttpStatusCode.Created);
        (await Api.CreateRepositoryAsync(s3Http, "on-local", "local://x")).Expect(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_namespace_in_use_is_rejected_only_for_non_bare_writable_creates_and_the_marker_outlives_the_repository()
    {
        await using var lakeFs = await LakeFsActionsEmulator.StartAsync();
        using var http = lakeFs.CreateHttpClient();
        (await Api.CreateRepositoryAsync(http, "first", "local://shared")).Expect(HttpStatusCode.Created);
        (await Api.SendAsync(http, HttpMethod.Delete, "api/v1/repositories/first")).Expect(HttpStatusCode.NoContent);

        var reused = (await Api.CreateRepositoryAsync(http, "second", "local://shared")).Expect(HttpStatusCode.BadRequest);

        Assert.Contains("storage namespace already in use", reused.Message, StringComparison.Ordinal);
        (await Api.CreateRepositoryAsync(http, "bare-copy", "local://shared", "?bare=true")).Expect(HttpStatusCode.Created);
        (await Api.CreateRepositoryAsync(http, "read-only-copy", "local://shared", extra: ",\"read_only\":true")).Expect(HttpStatusCode.Created);
        (await Api.CreateRepositoryAsync(http, "first", "local://shared")).Expect(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_repository_added_through_the_emulator_also_holds_its_namespace()
    {
        await using var lakeFs = await LakeFsActionsEmulator.StartAsync();
        lakeFs.AddRepository("seeded", storageNamespace: "local://seeded");
        using var http = lakeFs.CreateHttpClient();

        (await Api.CreateRepositoryAsync(http, "other", "local://seeded")).Expect(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Sample_data_protects_the_default_branch()
    {
        await using var lakeFs = await LakeFsActionsEmulator.StartAsync();
        using var http = lakeFs.CreateHttpClient();

        (await Api.CreateRepositoryAsync(http, "sample", "local://sample", extra: ",\"sample_data\":true,\"default_branch\":\"trunk\"")).Expect(HttpStatusCode.Created);

        var rules = await Api.GetJsonAsync(http, "api/v1/repositories/sample/settings/branch_protection");
        Assert.Equal(["trunk"], rules.EnumerateArray().Select(r => r.GetProperty("pattern").GetString()));
    }

    [Fact]
    public async Task A_storage_id_the_server_does_not_have_is_400()
    {
        await using var lakeFs = await LakeFsActionsEmulator.StartAsync();
        using var http = lakeFs.CreateHttpClient();

        var answer = (await Api.CreateRepositoryAsync(http, "multi", "local://multi", extra: ",\"storage_id\":\"second\"")).Expect(HttpStatusCode.BadRequest);

        Assert.Contains("storage id", answer.Message, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Array, (await Api.GetJsonAsync(http, "api/v1/repositories")).GetProperty("results").ValueKind);
        Assert.Empty((await Api.GetJsonAsync(http, "api/v1/repositories")).GetProperty("results").EnumerateArray());
    }
}
