using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace LakeFs.Actions.Client.Testing.Tests;

/// <summary>
/// lakeFS's ref semantics the other ref tests do not reach: argument checks before the repository, the order of the
/// checks of create branch and tag, ref resolution (full commit id first, then branch, tag, unambiguous prefix), and
/// merge over the merge base (deletions, conflicts, strategies, "no changes" by content).
/// </summary>
public sealed class RefConformanceTests
{
    private const string Repo = "api/v1/repositories/" + Api.Repo;

    private static Task<LakeFsActionsEmulator> StartAsync() =>
        Api.StartWithRepositoryAsync(new LakeFsEmulatorOptions { TimeProvider = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero)) });

    [Fact]
    public async Task Branch_and_tag_ids_are_checked_before_the_repository_is_looked_up()
    {
        await using var lakeFs = await StartAsync();
        using var http = lakeFs.CreateHttpClient();

        var getBranch = await Api.SendAsync(http, HttpMethod.Get, "api/v1/repositories/nowhere/branches/bad.name");
        var deleteBranch = await Api.SendAsync(http, HttpMethod.Delete, $"{Repo}/branches/-dash");
        var commit = await Api.SendAsync(http, HttpMethod.Post, "api/v1/repositories/nowhere/branches/bad.name/commits", "{\"message\":\"m\"}");
        var createTag = await Api.SendAsync(http, HttpMethod.Post, $"{Repo}/tags", "{\"id\":\"v1..2\",\"ref\":\"main\"}");
        var deleteTag = await Api.SendAsync(http, HttpMethod.Delete, $"{Repo}/tags/v1.lock");
        var merge = await Api.SendAsync(http, HttpMethod.Post, $"{Repo}/refs/main/merge/bad.name");

        Assert.Equal("argument branch: branch id: invalid value: validation error", getBranch.Expect(HttpStatusCode.BadRequest).Message);
        Assert.Equal("argument name: branch id: invalid value: validation error", deleteBranch.Expect(HttpStatusCode.BadRequest).Message);
        Assert.Equal("argument branch: branch id: invalid value: validation error", commit.Expect(HttpStatusCode.BadRequest).Message);
        Assert.Equal("argument tagID: tag id: invalid value: validation error", createTag.Expect(HttpStatusCode.BadRequest).Message);
        Assert.Equal("argument tagID: tag id: invalid value: validation error", deleteTag.Expect(HttpStatusCode.BadRequest).Message);
        Assert.Equal("argument destination: branch id: invalid value: validation error", merge.Expect(HttpStatusCode.BadRequest).Message);
    }

    [Fact]
    public async Task Create_branch_refuses_a_tag_or_commit_name_as_a_conflict_before_an_existing_branch()
    {
        await using var lakeFs = await StartAsync();
        Assert.True((await lakeFs.CreateTagAsync(Api.Repo, "v1", "main")).Succeeded);
        var head = lakeFs.GetBranchHead(Api.Repo, "main");
        using var http = lakeFs.CreateHttpClient();

        var tag = await Api.SendAsync(http, HttpMethod.Post, $"{Repo}/branches", "{\"name\":\"v1\",\"source\":\"main\"}");
        var commitName = await Api.SendAsync(http, HttpMethod.Post, $"{Repo}/branches", $"{{\"name\":\"{head}\",\"source\":\"main\"}}");

        Assert.Equal("tag ID v1: conflict found", tag.Expect(HttpStatusCode.Conflict).Message);
        Assert.Equal($"commit ID {head}: conflict found", commitName.Expect(HttpStatusCode.Conflict).Message);
    }

    [Fact]
    public async Task Create_tag_resolves_the_ref_before_it_finds_an_existing_tag()
    {
        await using var lakeFs = await StartAsync();
        Assert.True((await lakeFs.CreateTagAsync(Api.Repo, "v1", "main")).Succeeded);
        using var http = lakeFs.CreateHttpClient();

        var missingRef = await Api.SendAsync(http, HttpMethod.Post, $"{Repo}/tags", "{\"id\":\"v1\",\"ref\":\"nope\"}");

        Assert.Equal("not found", missingRef.Expect(HttpStatusCode.NotFound).Message);
    }

    [Fact]
    public async Task A_full_commit_id_wins_over_a_branch_and_an_unambiguous_prefix_resolves()
    {
        await using var lakeFs = await StartAsync();
        lakeFs.PutObject(Api.Repo, "main", "a.txt", "first");
        var first = (await lakeFs.CommitAsync(Api.Repo, "main", "first")).Reference!;
        using var http = lakeFs.CreateHttpClient();

        var byPrefix = await http.GetStringAsync($"{Repo}/refs/{first[..12]}/objects?path=a.txt");
        var tagged = await Api.SendAsync(http, HttpMethod.Post, $"{Repo}/tags", $"{{\"id\":\"t1\",\"ref\":\"{first[..10]}\"}}");

        Assert.Equal("first", byPrefix);
        Assert.Equal($"{{\"commit_id\":\"{first}\",\"id\":\"t1\"}}\n", tagged.Expect(HttpStatusCode.Created).Body);
    }

    [Fact]
    public async Task Merge_takes_deletions_from_the_source_and_keeps_destination_changes()
    {
        await using var lakeFs = await StartAsync();
        lakeFs.PutObject(Api.Repo, "main", "gone.txt", "1");
        lakeFs.PutObject(Api.Repo, "main", "kept.txt", "1");
        await lakeFs.CommitAsync(Api.Repo, "main", "base");
        await lakeFs.CreateBranchAsync(Api.Repo, "dev", "main");
        lakeFs.PutObject(Api.Repo, "main", "main-new.txt", "m");
        await lakeFs.CommitAsync(Api.Repo, "main", "main change");
        using var http = lakeFs.CreateHttpClient();
        (await Api.SendAsync(http, HttpMethod.Delete, $"{Repo}/branches/dev/objects?path=gone.txt")).Expect(HttpStatusCode.NoContent);
        await lakeFs.CommitAsync(Api.Repo, "dev", "delete");

        var merge = await Api.SendAsync(http, HttpMethod.Post, $"{Repo}/refs/dev/merge/main");

        merge.Expect(HttpStatusCode.OK);
        (await Api.SendAsync(http, HttpMethod.Get, $"{Repo}/refs/main/objects?path=gone.txt")).Expect(HttpStatusCode.NotFound);
        Assert.Equal("m", await http.GetStringAsync($"{Repo}/refs/main/objects?path=main-new.txt"));
        Assert.Equal("1", await http.GetStringAsync($"{Repo}/refs/main/objects?path=kept.txt"));
    }

    [Fact]
    public async Task A_merge_conflict_is_409_with_an_empty_reference_unless_a_strategy_picks_a_side()
    {
        await using var lakeFs = await StartAsync();
        lakeFs.PutObject(Api.Repo, "main", "f.txt", "base");
        await lakeFs.CommitAsync(Api.Repo, "main", "base");
        await lakeFs.CreateBranchAsync(Api.Repo, "dev", "main");
        lakeFs.PutObject(Api.Repo, "main", "f.txt", "main");
        await lakeFs.CommitAsync(Api.Repo, "main", "main");
        lakeFs.PutObject(Api.Repo, "dev", "f.txt", "dev");
        await lakeFs.CommitAsync(Api.Repo, "dev", "dev");
        var mainHead = lakeFs.GetBranchHead(Api.Repo, "main");
        using var http = lakeFs.CreateHttpClient();

        var conflict = await Api.SendAsync(http, HttpMethod.Post, $"{Repo}/refs/dev/merge/main");
        Assert.Equal("{\"reference\":\"\"}\n", conflict.Expect(HttpStatusCode.Conflict).Body);
        Assert.Equal(mainHead, lakeFs.GetBranchHead(Api.Repo, "main"));

        (await Api.SendAsync(http, HttpMethod.Post, $"{Repo}/refs/dev/merge/main", "{\"strategy\":\"dest-wins\"}")).Expect(HttpStatusCode.OK);
        Assert.Equal("main", await http.GetStringAsync($"{Repo}/refs/main/objects?path=f.txt"));
    }

    [Fact]
    public async Task Source_wins_takes_the_source_side_of_a_conflict()
    {
        await using var lakeFs = await StartAsync();
        lakeFs.PutObject(Api.Repo, "main", "f.txt", "base");
        await lakeFs.CommitAsync(Api.Repo, "main", "base");
        await lakeFs.CreateBranchAsync(Api.Repo, "dev", "main");
        lakeFs.PutObject(Api.Repo, "main", "f.txt", "main");
        await lakeFs.CommitAsync(Api.Repo, "main", "main");
        lakeFs.PutObject(Api.Repo, "dev", "f.txt", "dev");
        await lakeFs.CommitAsync(Api.Repo, "dev", "dev");
        using var http = lakeFs.CreateHttpClient();

        (await Api.SendAsync(http, HttpMethod.Post, $"{Repo}/refs/dev/merge/main", "{\"strategy\":\"source-wins\"}")).Expect(HttpStatusCode.OK);

        Assert.Equal("dev", await http.GetStringAsync($"{Repo}/refs/main/objects?path=f.txt"));
    }

    [Fact]
    public async Task Merging_a_source_whose_content_equals_the_merge_base_is_no_changes()
    {
        await using var lakeFs = await StartAsync();
        await lakeFs.CreateBranchAsync(Api.Repo, "dev", "main");
        Assert.True((await lakeFs.CommitAsync(Api.Repo, "dev", "empty", allowEmpty: true)).Succeeded);
        using var http = lakeFs.CreateHttpClient();

        var merge = await Api.SendAsync(http, HttpMethod.Post, $"{Repo}/refs/dev/merge/main");

        Assert.Equal("update branch main: no changes", merge.Expect(HttpStatusCode.BadRequest).Message);
    }

    [Fact]
    public async Task Committing_or_merging_an_object_of_the_same_identity_is_no_change_and_no_conflict()
    {
        await using var lakeFs = await StartAsync();
        lakeFs.PutObject(Api.Repo, "main", "f.txt", "same", "text/plain");
        await lakeFs.CommitAsync(Api.Repo, "main", "base");
        await lakeFs.CreateBranchAsync(Api.Repo, "dev", "main");
        lakeFs.PutObject(Api.Repo, "main", "f.txt", "same", "text/plain");
        var again = await lakeFs.CommitAsync(Api.Repo, "main", "again");
        lakeFs.PutObject(Api.Repo, "main", "g.txt", "both");
        await lakeFs.CommitAsync(Api.Repo, "main", "g on main");
        lakeFs.PutObject(Api.Repo, "dev", "g.txt", "both");
        await lakeFs.CommitAsync(Api.Repo, "dev", "g on dev");
        using var http = lakeFs.CreateHttpClient();

        var merge = await Api.SendAsync(http, HttpMethod.Post, $"{Repo}/refs/dev/merge/main");

        Assert.False(again.Succeeded);
        Assert.Equal("commit: no changes", again.Message);
        merge.Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task With_actions_disabled_a_commit_to_a_missing_branch_is_plain_branch_not_found()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync(new LakeFsEmulatorOptions { ActionsEnabled = false });

        var commit = await lakeFs.CommitAsync(Api.Repo, "nope", "m");

        Assert.Equal((404, "branch not found"), (commit.StatusCode, commit.Message));
    }

    [Fact]
    public async Task Only_the_first_commit_lacks_a_meta_range_id()
    {
        await using var lakeFs = await StartAsync();
        using var http = lakeFs.CreateHttpClient();

        var empty = await Api.SendAsync(http, HttpMethod.Post, $"{Repo}/branches/main/commits", "{\"message\":\"empty\",\"allow_empty\":true}");

        Assert.Matches("^[0-9a-f]{64}$", empty.Expect(HttpStatusCode.Created).Json.GetProperty("meta_range_id").GetString());
    }

    [Fact]
    public async Task A_squash_merge_does_not_make_the_source_an_ancestor_but_keeps_lakeFS_generation()
    {
        await using var lakeFs = await StartAsync();
        await lakeFs.CreateBranchAsync(Api.Repo, "dev", "main");
        lakeFs.PutObject(Api.Repo, "dev", "a.txt", "x");
        await lakeFs.CommitAsync(Api.Repo, "dev", "a");
        using var http = lakeFs.CreateHttpClient();

        (await Api.SendAsync(http, HttpMethod.Post, $"{Repo}/refs/dev/merge/main", "{\"squash_merge\":true}")).Expect(HttpStatusCode.OK);
        var again = await Api.SendAsync(http, HttpMethod.Post, $"{Repo}/refs/dev/merge/main");
        lakeFs.PutObject(Api.Repo, "main", "b.txt", "y");
        var next = await Api.SendAsync(http, HttpMethod.Post, $"{Repo}/branches/main/commits", "{\"message\":\"b\"}");

        // Without squash the second merge would be "no changes": dev's head would be an ancestor of main.
        again.Expect(HttpStatusCode.OK);

        // Generations: first commit 1, dev's commit 2, squash merge 3 (lakeFS counts the source), second merge 4, next 5.
        Assert.Equal(5, next.Expect(HttpStatusCode.Created).Json.GetProperty("generation").GetInt64());
    }

    [Theory]
    [InlineData("branches?amount=1001", "parameter \"amount\" in query has an error: number must be at most 1000")]
    [InlineData("branches?amount=-2", "parameter \"amount\" in query has an error: number must be at least -1")]
    [InlineData("branches?amount=1.5", "parameter \"amount\" in query has an error: value must be an integer")]
    [InlineData("refs/main/objects/ls?amount=ten", "parameter \"amount\" in query has an error: value ten: an invalid integer: invalid syntax")]
    [InlineData("refs/main/objects/ls?user_metadata=maybe", "parameter \"user_metadata\" in query has an error: value maybe: an invalid boolean: invalid syntax")]
    public async Task Listing_parameters_are_validated_against_the_document_before_authentication(string path, string message)
    {
        await using var lakeFs = await StartAsync();
        using var http = new HttpClient { BaseAddress = lakeFs.Endpoint };

        var answer = await Api.SendAsync(http, HttpMethod.Get, $"{Repo}/{path}");

        Assert.Equal(message, answer.Expect(HttpStatusCode.BadRequest).Message);
        Assert.False(answer.HasRequestId);
    }

    [Fact]
    public async Task Amount_minus_one_or_zero_lists_a_default_page()
    {
        await using var lakeFs = await StartAsync();
        using var http = lakeFs.CreateHttpClient();

        var minusOne = await Api.GetJsonAsync(http, $"{Repo}/branches?amount=-1");

        Assert.Equal("main", minusOne.GetProperty("results")[0].GetProperty("id").GetString());
    }
}
