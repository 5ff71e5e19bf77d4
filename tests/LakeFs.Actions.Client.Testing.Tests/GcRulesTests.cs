using System.Net;
using System.Text.Json;

namespace LakeFs.Actions.Client.Testing.Tests;

/// <summary>getGCRules, setGCRules and deleteGCRules: 404 "not found" when unset, "branches": null, empty rules, read-only, rules kept in the namespace.</summary>
public sealed class GcRulesTests
{
    private const string Path = "api/v1/repositories/" + Api.Repo + "/settings/gc_rules";

    [Fact]
    public async Task Unset_rules_are_404_not_found_while_an_unknown_repository_is_404_repository_not_found()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        using var http = lakeFs.CreateHttpClient();

        Assert.Equal("not found", await Api.GetErrorAsync(http, Path, HttpStatusCode.NotFound));
        Assert.Equal("repository not found", await Api.GetErrorAsync(http, "api/v1/repositories/nope/settings/gc_rules", HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task Rules_without_branch_rules_come_back_with_branches_null()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        using var http = lakeFs.CreateHttpClient();

        var set = (await Api.SendAsync(http, HttpMethod.Put, Path, "{\"default_retention_days\":7,\"branches\":[]}")).Expect(HttpStatusCode.NoContent);
        var rules = await Api.GetJsonAsync(http, Path);

        Assert.Equal("", set.Body);
        Assert.Equal(JsonValueKind.Null, rules.GetProperty("branches").ValueKind);
        Assert.Equal(7, rules.GetProperty("default_retention_days").GetInt32());
    }

    [Fact]
    public async Task Branch_rules_round_trip_with_the_last_rule_for_a_branch_winning()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        using var http = lakeFs.CreateHttpClient();

        (await Api.SendAsync(http, HttpMethod.Put, Path,
            "{\"default_retention_days\":0,\"branches\":[{\"branch_id\":\"main\",\"retention_days\":30},{\"branch_id\":\"dev\",\"retention_days\":3},{\"branch_id\":\"main\",\"retention_days\":60}]}"))
            .Expect(HttpStatusCode.NoContent);
        var rules = await Api.GetJsonAsync(http, Path);

        var branches = rules.GetProperty("branches").EnumerateArray()
            .ToDictionary(b => b.GetProperty("branch_id").GetString()!, b => b.GetProperty("retention_days").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["main"] = 60, ["dev"] = 3 }, branches);
        Assert.Equal(0, rules.GetProperty("default_retention_days").GetInt32());
    }

    [Fact]
    public async Task Delete_and_all_zero_rules_store_empty_rules_which_read_back_as_not_found()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        using var http = lakeFs.CreateHttpClient();
        (await Api.SendAsync(http, HttpMethod.Put, Path, "{\"default_retention_days\":7,\"branches\":[]}")).Expect(HttpStatusCode.NoContent);

        (await Api.SendAsync(http, HttpMethod.Delete, Path)).Expect(HttpStatusCode.NoContent);
        Assert.Equal("not found", await Api.GetErrorAsync(http, Path, HttpStatusCode.NotFound));

        (await Api.SendAsync(http, HttpMethod.Put, Path, "{\"default_retention_days\":7,\"branches\":[]}")).Expect(HttpStatusCode.NoContent);
        (await Api.SendAsync(http, HttpMethod.Put, Path, "{\"default_retention_days\":0,\"branches\":[]}")).Expect(HttpStatusCode.NoContent);
        Assert.Equal("not found", await Api.GetErrorAsync(http, Path, HttpStatusCode.NotFound));

        (await Api.SendAsync(http, HttpMethod.Delete, Path)).Expect(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_read_only_repository_answers_403_to_put_and_delete_but_can_be_read()
    {
        await using var lakeFs = await LakeFsActionsEmulator.StartAsync();
        lakeFs.AddRepository(Api.Repo, readOnly: true);
        using var http = lakeFs.CreateHttpClient();

        var put = (await Api.SendAsync(http, HttpMethod.Put, Path, "{\"default_retention_days\":7,\"branches\":[]}")).Expect(HttpStatusCode.Forbidden);
        var delete = (await Api.SendAsync(http, HttpMethod.Delete, Path)).Expect(HttpStatusCode.Forbidden);

        Assert.Equal("read-only repository", put.Message);
        Assert.Equal("read-only repository", delete.Message);
        Assert.Equal("not found", await Api.GetErrorAsync(http, Path, HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task Rules_live_in_the_storage_namespace_and_outlive_the_repository()
    {
        await using var lakeFs = await LakeFsActionsEmulator.StartAsync();
        using var http = lakeFs.CreateHttpClient();
        (await Api.CreateRepositoryAsync(http, Api.Repo, "local://kept")).Expect(HttpStatusCode.Created);
        (await Api.SendAsync(http, HttpMethod.Put, Path, "{\"default_retention_days\":14,\"branches\":[]}")).Expect(HttpStatusCode.NoContent);
        (await Api.SendAsync(http, HttpMethod.Delete, "api/v1/repositories/" + Api.Repo)).Expect(HttpStatusCode.NoContent);

        (await Api.CreateRepositoryAsync(http, "successor", "local://kept", "?bare=true")).Expect(HttpStatusCode.Created);
        (await Api.CreateRepositoryAsync(http, "neighbour", "local://other")).Expect(HttpStatusCode.Created);

        Assert.Equal(14, (await Api.GetJsonAsync(http, "api/v1/repositories/successor/settings/gc_rules")).GetProperty("default_retention_days").GetInt32());
        await Api.GetErrorAsync(http, "api/v1/repositories/neighbour/settings/gc_rules", HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("{\"default_retention_days\":7,\"branches\":null}", "Error at \"/branches\"")]
    [InlineData("{\"default_retention_days\":7}", "property \"branches\" is missing")]
    [InlineData("{\"default_retention_days\":\"7\",\"branches\":[]}", "Error at \"/default_retention_days\": value must be an integer")]
    [InlineData("{\"default_retention_days\":7,\"branches\":[{\"branch_id\":\"main\"}]}", "Error at \"/branches/0/retention_days\"")]
    public async Task A_body_that_breaks_the_schema_is_a_validation_error(string body, string expected)
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        using var http = lakeFs.CreateHttpClient();

        var answer = (await Api.SendAsync(http, HttpMethod.Put, Path, body)).Expect(HttpStatusCode.BadRequest);

        Assert.False(answer.HasRequestId);
        Assert.Contains(expected, answer.Message, StringComparison.Ordinal);
        Assert.StartsWith("request body has an error: doesn't match schema", answer.Message, StringComparison.Ordinal);
        await Api.GetErrorAsync(http, Path, HttpStatusCode.NotFound);
    }
}
