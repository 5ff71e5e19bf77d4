using System.Net;

namespace LakeFs.Actions.Client.Testing.Tests;

/// <summary>deleteRepository (204, 403 on read-only without force, 410 after a failed delete, resumed by the next) and getRepositoryMetadata.</summary>
public sealed class RepositoryDeleteTests
{
    private const string Path = "api/v1/repositories/" + Api.Repo;

    [Fact]
    public async Task Delete_answers_204_and_the_repository_is_gone_from_get_and_list()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        using var http = lakeFs.CreateHttpClient();

        var deleted = (await Api.SendAsync(http, HttpMethod.Delete, Path)).Expect(HttpStatusCode.NoContent);

        Assert.Equal("", deleted.Body);
        Assert.True(deleted.HasRequestId);
        Assert.Equal("repository not found", await Api.GetErrorAsync(http, Path, HttpStatusCode.NotFound));
        Assert.Empty((await Api.GetJsonAsync(http, "api/v1/repositories")).GetProperty("results").EnumerateArray());
        Assert.Equal("repository not found", (await Api.SendAsync(http, HttpMethod.Delete, Path)).Expect(HttpStatusCode.NotFound).Message);
    }

    [Fact]
    public async Task A_read_only_repository_is_403_without_force_and_deleted_with_it()
    {
        await using var lakeFs = await LakeFsActionsEmulator.StartAsync();
        lakeFs.AddRepository(Api.Repo, readOnly: true);
        using var http = lakeFs.CreateHttpClient();

        var refused = (await Api.SendAsync(http, HttpMethod.Delete, Path)).Expect(HttpStatusCode.Forbidden);
        var notForced = (await Api.SendAsync(http, HttpMethod.Delete, Path + "?force=false")).Expect(HttpStatusCode.Forbidden);
        await Api.GetJsonAsync(http, Path);
        (await Api.SendAsync(http, HttpMethod.Delete, Path + "?force=true")).Expect(HttpStatusCode.NoContent);

        Assert.Equal("read-only repository", refused.Message);
        Assert.Equal("read-only repository", notForced.Message);
        await Api.GetErrorAsync(http, Path, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Force_must_be_a_go_boolean()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        using var http = lakeFs.CreateHttpClient();

        var invalid = (await Api.SendAsync(http, HttpMethod.Delete, Path + "?force=yes")).Expect(HttpStatusCode.BadRequest);
        var empty = (await Api.SendAsync(http, HttpMethod.Delete, Path + "?force=")).Expect(HttpStatusCode.BadRequest);

        Assert.False(invalid.HasRequestId);
        Assert.Equal("text/plain", empty.MediaType);
        await Api.GetJsonAsync(http, Path);
    }

    [Fact]
    public async Task A_delete_that_fails_midway_leaves_the_repository_listed_and_gone_until_a_second_delete_resumes_it()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        lakeFs.SetRepositoryMetadata(Api.Repo, [new("owner", "data-team")]);
        lakeFs.FailNextDeleteMidway(Api.Repo);
        using var http = lakeFs.CreateHttpClient();

        var failed = (await Api.SendAsync(http, HttpMethod.Delete, Path)).Expect(HttpStatusCode.InternalServerError);

        Assert.True(failed.HasRequestId);
        Assert.Equal("repository in deletion", await Api.GetErrorAsync(http, Path, HttpStatusCode.Gone));
        Assert.Equal("repository in deletion", await Api.GetErrorAsync(http, Path + "/actions/runs", HttpStatusCode.Gone));
        Assert.Equal("repository in deletion", await Api.GetErrorAsync(http, Path + "/settings/gc_rules", HttpStatusCode.Gone));
        Assert.Equal("repository in deletion", await Api.GetErrorAsync(http, Path + "/settings/branch_protection", HttpStatusCode.Gone));
        (await Api.SendAsync(http, HttpMethod.Post, Path + "/dump")).Expect(HttpStatusCode.Gone);
        Assert.Equal([Api.Repo], (await Api.GetJsonAsync(http, "api/v1/repositories")).GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.Equal("data-team", (await Api.GetJsonAsync(http, Path + "/metadata")).GetProperty("owner").GetString());
        Assert.Equal("error creating repository: repository in deletion",
            (await Api.CreateRepositoryAsync(http, Api.Repo, "local://fresh")).Expect(HttpStatusCode.Gone).Message);
        Assert.Equal("repository in deletion",
            (await Api.CreateRepositoryAsync(http, Api.Repo, "local://fresh-bare", "?bare=true")).Expect(HttpStatusCode.Gone).Message);

        (await Api.SendAsync(http, HttpMethod.Delete, Path)).Expect(HttpStatusCode.NoContent);

        await Api.GetErrorAsync(http, Path, HttpStatusCode.NotFound);
        Assert.Empty((await Api.GetJsonAsync(http, "api/v1/repositories")).GetProperty("results").EnumerateArray());
        (await Api.CreateRepositoryAsync(http, Api.Repo, "local://fresh-again")).Expect(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_read_only_repository_in_deletion_still_needs_force_to_resume()
    {
        await using var lakeFs = await LakeFsActionsEmulator.StartAsync();
        lakeFs.AddRepository(Api.Repo, readOnly: true);
        lakeFs.FailNextDeleteMidway(Api.Repo);
        using var http = lakeFs.CreateHttpClient();
        (await Api.SendAsync(http, HttpMethod.Delete, Path + "?force=true")).Expect(HttpStatusCode.InternalServerError);

        (await Api.SendAsync(http, HttpMethod.Delete, Path)).Expect(HttpStatusCode.Forbidden);
        (await Api.SendAsync(http, HttpMethod.Delete, Path + "?force=true")).Expect(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Delete_and_metadata_validate_the_repository_id()
    {
        await using var lakeFs = await LakeFsActionsEmulator.StartAsync();
        lakeFs.AddRepository("Not_Valid");
        using var http = lakeFs.CreateHttpClient();

        var delete = (await Api.SendAsync(http, HttpMethod.Delete, "api/v1/repositories/Not_Valid")).Expect(HttpStatusCode.BadRequest);
        var metadata = await Api.GetErrorAsync(http, "api/v1/repositories/Not_Valid/metadata", HttpStatusCode.BadRequest);

        Assert.Contains("argument repository", delete.Message, StringComparison.Ordinal);
        Assert.Contains("argument repository", metadata, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metadata_is_an_empty_object_until_set_and_then_holds_every_key()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        using var http = lakeFs.CreateHttpClient();

        var empty = await Api.GetJsonAsync(http, Path + "/metadata");
        lakeFs.SetRepositoryMetadata(Api.Repo, [new("owner", "data-team"), new("tier", "gold")]);
        lakeFs.SetRepositoryMetadata(Api.Repo, [new("tier", "silver")]);
        var set = await Api.GetJsonAsync(http, Path + "/metadata");

        Assert.Equal("{}", empty.GetRawText());
        Assert.Equal("data-team", set.GetProperty("owner").GetString());
        Assert.Equal("silver", set.GetProperty("tier").GetString());
        Assert.Equal("repository not found", await Api.GetErrorAsync(http, "api/v1/repositories/nope/metadata", HttpStatusCode.NotFound));
        Assert.Throws<ArgumentException>(() => lakeFs.SetRepositoryMetadata("nope", [new("a", "b")]));
    }

    [Fact]
    public async Task Writes_need_authentication_and_an_unauthenticated_delete_changes_nothing()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        using var anonymous = new HttpClient { BaseAddress = lakeFs.Endpoint };
        using var http = lakeFs.CreateHttpClient();

        var answer = (await Api.SendAsync(anonymous, HttpMethod.Delete, Path)).Expect(HttpStatusCode.Unauthorized);

        Assert.True(answer.HasRequestId);
        Assert.Equal("error authenticating request", answer.Message);
        await Api.GetJsonAsync(http, Path);
    }
}
