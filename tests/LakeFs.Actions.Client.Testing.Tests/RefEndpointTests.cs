using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace LakeFs.Actions.Client.Testing.Tests;

/// <summary>The branch, commit, merge, tag and object endpoints: lakeFS's paths, bodies and status codes.</summary>
public sealed class RefEndpointTests
{
    private const string Repo = "api/v1/repositories/" + Api.Repo;
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    private static Task<LakeFsActionsEmulator> StartAsync() =>
        Api.StartWithRepositoryAsync(new LakeFsEmulatorOptions { TimeProvider = new FakeTimeProvider(Now) });

    [Fact]
    public async Task A_new_repository_has_its_default_branch_on_a_first_commit()
    {
        await using var lakeFs = await StartAsync();
        using var http = lakeFs.CreateHttpClient();

        var branch = await Api.GetJsonAsync(http, $"{Repo}/branches/main");

        Assert.Equal("main", branch.GetProperty("id").GetString());
        Assert.Matches("^[0-9a-f]{64}$", branch.GetProperty("commit_id").GetString());
        Assert.Equal(lakeFs.GetBranchHead(Api.Repo, "main"), branch.GetProperty("commit_id").GetString());
    }

    [Fact]
    public async Task A_repository_created_over_the_api_has_its_default_branch()
    {
        await using var lakeFs = await StartAsync();
        using var http = lakeFs.CreateHttpClient();
        (await Api.CreateRepositoryAsync(http, "created", "local://x/created", extra: ",\"default_branch\":\"trunk\"")).Expect(HttpStatusCode.Created);

        var branch = await Api.GetJsonAsync(http, "api/v1/repositories/created/branches/trunk");

        Assert.Equal("trunk", branch.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Create_branch_answers_201_with_the_source_commit_id_as_bare_text()
    {
        await using var lakeFs = await StartAsync();
        using var http = lakeFs.CreateHttpClient();
        var head = lakeFs.GetBranchHead(Api.Repo, "main");

        var answer = await Api.SendAsync(http, HttpMethod.Post, $"{Repo}/branches", "{\"name\":\"dev\",\"source\":\"main\"}");

        answer.Expect(HttpStatusCode.Created);
        Assert.Equal(head, answer.Body);
        Assert.Equal("text/plain", answer.MediaType);
        Assert.Equal(head, lakeFs.GetBranchHead(Api.Repo, "dev"));
    }

    [Theory]
    [InlineData("{\"name\":\"main\",\"source\":\"main\"}", HttpStatusCode.Conflict, "branch already exists: not unique")]
    [InlineData("{\"name\":\"dev\",\"source\":\"nope\"}", HttpStatusCode.NotFound, "source reference 'nope': not found")]
    [InlineData("{\"name\":\"bad/name\",\"source\":\"main\"}", HttpStatusCode.BadRequest, "argument branch: branch id: invalid value: validation error: branch id must consist of letters, digits, underscores and dashes, and cannot start with a dash")]
    [InlineData("{\"name\":\"caf\u00e9\",\"source\":\"main\"}", HttpStatusCode.BadRequest, "argument branch: branch id: invalid value: validation error: branch id must consist of letters, digits, underscores and dashes, and cannot start with a dash")]
    [InlineData("{\"name\":\"main\",\"source\":\"nope\"}", HttpStatusCode.NotFound, "source reference 'nope': not found")]
    public async Task Create_branch_refusals(string body, HttpStatusCode status, string message)
    {
        await using var lakeFs = await StartAsync();
        using var http = lakeFs.CreateHttpClient();

        var answer = await Api.SendAsync(http, HttpMethod.Post, $"{Repo}/branches", body);

        answer.Expect(status);
        Assert.Equal(message, answer.Message);
        Assert.True(answer.HasRequestId);
    }

    [Fact]
    public async Task Create_branch_validates_the_body_before_authentication()
    {
        await using var lakeFs = await StartAsync();
        using var http = new HttpClient { BaseAddress = lakeFs.Endpoint };

        var invalid = await Api.SendAsync(http, HttpMethod.Post, $"{Repo}/branches", "{\"name\":\"dev\"}");
        var unauthenticated = await Api.SendAsync(http, HttpMethod.Post, $"{Repo}/branches", "{\"name\":\"dev\",\"source\":\"main\"}");

        invalid.Expect(HttpStatusCode.BadRequest);
        Assert.Equal("request body has an error: doesn't match schema #/components/schemas/BranchCreation: Error at \"/source\": property \"source\" is missing", invalid.Message);
        Assert.False(invalid.HasRequestId);
        unauthenticated.Expect(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Branches_list_in_name_order_with_lakeFS_pagination()
    {
        await using var lakeFs = await StartAsync();
        foreach (var name in new[] { "b", "a", "c" })
        {
            Assert.True((await lakeFs.CreateBranchAsync(Api.Repo, name, "main")).Succeeded);
        }

        using var http = lakeFs.CreateHttpClient();
        var first = await Api.GetJsonAsync(http, $"{Repo}/branches?amount=2");
        var rest = await Api.GetJsonAsync(http, $"{Repo}/branches?amount=2&after=b");
        var prefixed = await Api.GetJsonAsync(http, $"{Repo}/branches?prefix=m");

        Assert.Equal(["a", "b"], first.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.True(first.GetProperty("pagination").GetProperty("has_more").GetBoolean());
        Assert.Equal("b", first.GetProperty("pagination").GetProperty("next_offset").GetString());
        Assert.Equal(["c", "main"], rest.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.False(rest.GetProperty("pagination").GetProperty("has_more").GetBoolean());
        Assert.Equal(["main"], prefixed.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Delete_branch_answers_204_then_404_and_403_for_the_default_branch()
    {
        await using var lakeFs = await StartAsync();
        await lakeFs.CreateBranchAsync(Api.Repo, "dev", "main");
        using var http = lakeFs.CreateHttpClient();

        var deleted = await Api.SendAsync(http, HttpMethod.Delete, $"{Repo}/branches/dev");
        var again = await Api.SendAsync(http, HttpMethod.Delete, $"{Repo}/branches/dev");
        var main = await Api.SendAsync(http, HttpMethod.Delete, $"{Repo}/branches/main");
        var get = await Api.SendAsync(http, HttpMethod.Get, $"{Repo}/branches/dev");

        deleted.Expect(HttpStatusCode.NoContent);
        Assert.Equal(string.Empty, deleted.Body);
        Assert.Equal("branch not found", again.Expect(HttpStatusCode.NotFound).Message);
        Assert.Equal("cannot delete repository default branch", main.Expect(HttpStatusCode.Forbidden).Message);
        Assert.Equal("branch not found", get.Expect(HttpStatusCode.NotFound).Message);
    }

    [Fact]
    public async Task Commit_answers_201_with_the_commit_and_moves_the_branch()
    {
        await using var lakeFs = await StartAsync();
        using var http = lakeFs.CreateHttpClient();
        var parent = lakeFs.GetBranchHead(Api.Repo, "main");
        (await Upload(http, "main", "data/a.csv", "x,y\n")).Expect(HttpStatusCode.Created);

        var answer = await Api.SendAsync(http, HttpMethod.Post, $"{Repo}/branches/main/commits", "{\"message\":\"add a\",\"metadata\":{\"k\":\"v\"}}");

        var commit = answer.Expect(HttpStatusCode.Created).Json;
        var id = commit.GetProperty("id").GetString()!;
        Assert.Equal(
            $"{{\"committer\":\"admin\",\"creation_date\":{Now.ToUnixTimeSeconds()},\"generation\":2,\"id\":\"{id}\",\"message\":\"add a\",\"meta_range_id\":\"{commit.GetProperty("meta_range_id").GetString()}\",\"metadata\":{{\"k\":\"v\"}},\"parents\":[\"{parent}\"],\"version\":1}}\n",
            answer.Body);
        Assert.Equal(id, lakeFs.GetBranchHead(Api.Repo, "main"));
        Assert.Equal("x,y\n", await http.GetStringAsync($"{Repo}/refs/{id}/objects?path=data/a.csv"));
    }

    [Fact]
    public async Task Commit_without_changes_is_400_no_changes_and_allow_empty_commits()
    {
        await using var lakeFs = await StartAsync();
        using var http = lakeFs.CreateHttpClient();

        var empty = await Api.SendAsync(http, HttpMethod.Post, $"{Repo}/branches/main/commits", "{\"message\":\"nothing\"}");
        var allowed = await Api.SendAsync(http, HttpMethod.Post, $"{Repo}/branches/main/commits", "{\"message\":\"nothing\",\"allow_empty\":true}");
        var missing = await Api.SendAsync(http, HttpMethod.Post, $"{Repo}/branches/nope/commits", "{\"message\":\"m\"}");

        Assert.Equal("commit: no changes", empty.Expect(HttpStatusCode.BadRequest).Message);
        allowed.Expect(HttpStatusCode.Created);
        // lakeFS fires prepare-commit before it looks at the branch; listing a missing branch's action files is not found.
        Assert.Matches(@"^prepare-commit hook aborted, run id '[0-9a-v]{20}': list actions from commit: listing actions: not found$", missing.Expect(HttpStatusCode.NotFound).Message);
    }

    [Fact]
    public async Task Merge_answers_200_with_a_merge_commit_of_both_parents_and_the_source_objects_over_the_destination()
    {
        await using var lakeFs = await StartAsync();
        lakeFs.PutObject(Api.Repo, "main", "same.txt", "main version");
        lakeFs.PutObject(Api.Repo, "main", "main-only.txt", "m");
        await lakeFs.CommitAsync(Api.Repo, "main", "base");
        await lakeFs.CreateBranchAsync(Api.Repo, "dev", "main");
        lakeFs.PutObject(Api.Repo, "dev", "same.txt", "dev version");
        var devCommit = (await lakeFs.CommitAsync(Api.Repo, "dev", "change")).Reference;
        var mainHead = lakeFs.GetBranchHead(Api.Repo, "main");
        using var http = lakeFs.CreateHttpClient();

        var answer = await Api.SendAsync(http, HttpMethod.Post, $"{Repo}/refs/dev/merge/main", "{}");

        var reference = answer.Expect(HttpStatusCode.OK).Json.GetProperty("reference").GetString()!;
        Assert.Equal($"{{\"reference\":\"{reference}\"}}\n", answer.Body);
        Assert.Equal(reference, lakeFs.GetBranchHead(Api.Repo, "main"));
        Assert.Equal("dev version", await http.GetStringAsync($"{Repo}/refs/main/objects?path=same.txt"));
        Assert.Equal("m", await http.GetStringAsync($"{Repo}/refs/main/objects?path=main-only.txt"));
        var again = await Api.SendAsync(http, HttpMethod.Post, $"{Repo}/refs/dev/merge/main");
        Assert.Equal("update branch main: no changes", again.Expect(HttpStatusCode.BadRequest).Message);
        Assert.NotNull(devCommit);
        Assert.NotEqual(mainHead, reference);
    }

    [Fact]
    public async Task Merge_into_a_dirty_branch_or_from_a_missing_ref_is_refused()
    {
        await using var lakeFs = await StartAsync();
        await lakeFs.CreateBranchAsync(Api.Repo, "dev", "main");
        lakeFs.PutObject(Api.Repo, "dev", "x", "1");
        await lakeFs.CommitAsync(Api.Repo, "dev", "x");
        using var http = lakeFs.CreateHttpClient();
        var missing = await Api.SendAsync(http, HttpMethod.Post, $"{Repo}/refs/nope/merge/main");
        var missingDestination = await Api.SendAsync(http, HttpMethod.Post, $"{Repo}/refs/dev/merge/nope");
        lakeFs.PutObject(Api.Repo, "main", "dirt", "1");

        // lakeFS seals the destination before it resolves the source: a dirty destination wins over a missing source.
        var dirty = await Api.SendAsync(http, HttpMethod.Post, $"{Repo}/refs/dev/merge/main");
        var dirtyAndMissing = await Api.SendAsync(http, HttpMethod.Post, $"{Repo}/refs/nope/merge/main");
        var strategy = await Api.SendAsync(http, HttpMethod.Post, $"{Repo}/refs/dev/merge/main", "{\"strategy\":\"ours\"}");

        Assert.Equal("uncommitted changes (dirty branch)", dirty.Expect(HttpStatusCode.BadRequest).Message);
        Assert.Equal("uncommitted changes (dirty branch)", dirtyAndMissing.Expect(HttpStatusCode.BadRequest).Message);
        Assert.Equal("branch not found", missingDestination.Expect(HttpStatusCode.NotFound).Message);
        Assert.Equal("update branch main: get commit by ref nope: not found", missing.Expect(HttpStatusCode.NotFound).Message);
        Assert.Equal("argument strategy: invalid value: validation error", strategy.Expect(HttpStatusCode.BadRequest).Message);
    }

    [Fact]
    public async Task Tags_are_created_201_resolved_as_refs_and_deleted_204()
    {
        await using var lakeFs = await StartAsync();
        lakeFs.PutObject(Api.Repo, "main", "a.txt", "tagged");
        var commit = (await lakeFs.CommitAsync(Api.Repo, "main", "a")).Reference!;
        using var http = lakeFs.CreateHttpClient();

        var created = await Api.SendAsync(http, HttpMethod.Post, $"{Repo}/tags", "{\"id\":\"v1\",\"ref\":\"main\"}");
        var exists = await Api.SendAsync(http, HttpMethod.Post, $"{Repo}/tags", "{\"id\":\"v1\",\"ref\":\"main\"}");
        var clash = await Api.SendAsync(http, HttpMethod.Post, $"{Repo}/tags", "{\"id\":\"main\",\"ref\":\"main\"}");
        var missing = await Api.SendAsync(http, HttpMethod.Post, $"{Repo}/tags", "{\"id\":\"v2\",\"ref\":\"nope\"}");
        var read = await http.GetStringAsync($"{Repo}/refs/v1/objects?path=a.txt");
        var deleted = await Api.SendAsync(http, HttpMethod.Delete, $"{Repo}/tags/v1");
        var deletedAgain = await Api.SendAsync(http, HttpMethod.Delete, $"{Repo}/tags/v1");

        Assert.Equal($"{{\"commit_id\":\"{commit}\",\"id\":\"v1\"}}\n", created.Expect(HttpStatusCode.Created).Body);
        Assert.Equal("tag already exists: not unique", exists.Expect(HttpStatusCode.Conflict).Message);
        Assert.Equal("branch name main: conflict found", clash.Expect(HttpStatusCode.Conflict).Message);
        Assert.Equal("not found", missing.Expect(HttpStatusCode.NotFound).Message);
        Assert.Equal("tagged", read);
        deleted.Expect(HttpStatusCode.NoContent);
        Assert.Equal("tag not found", deletedAgain.Expect(HttpStatusCode.NotFound).Message);
    }

    [Fact]
    public async Task Upload_answers_201_object_stats_and_if_none_match_star_refuses_an_existing_path()
    {
        await using var lakeFs = await StartAsync();
        using var http = lakeFs.CreateHttpClient();

        var first = await Upload(http, "main", "a.txt", "hello", "text/plain", ("x-lakefs-meta-owner", "me"));
        var again = await Upload(http, "main", "a.txt", "other", null, ("If-None-Match", "*"));
        var missingBranch = await Upload(http, "nope", "a.txt", "x");

        var stats = first.Expect(HttpStatusCode.Created).Json;
        Assert.Equal("a.txt", stats.GetProperty("path").GetString());
        Assert.Equal("object", stats.GetProperty("path_type").GetString());
        Assert.Equal("5d41402abc4b2a76b9719d911017c592", stats.GetProperty("checksum").GetString());
        Assert.Equal(5, stats.GetProperty("size_bytes").GetInt64());
        Assert.Equal("text/plain", stats.GetProperty("content_type").GetString());
        Assert.Equal(Now.ToUnixTimeSeconds(), stats.GetProperty("mtime").GetInt64());
        Assert.Equal("me", stats.GetProperty("metadata").GetProperty("owner").GetString());
        Assert.Equal("path already exists", again.Expect(HttpStatusCode.PreconditionFailed).Message);
        Assert.Equal("branch 'nope' not found", missingBranch.Expect(HttpStatusCode.NotFound).Message);
    }

    [Fact]
    public async Task Upload_takes_the_content_part_of_a_multipart_body_and_defaults_to_octet_stream()
    {
        await using var lakeFs = await StartAsync();
        using var http = lakeFs.CreateHttpClient();
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent("from a form"u8.ToArray());
        part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(part, "content", "a.csv");

        using var multipart = await http.PostAsync($"{Repo}/branches/main/objects?path=a.csv", form);
        var raw = await Upload(http, "main", "b.bin", "raw");

        Assert.Equal(HttpStatusCode.Created, multipart.StatusCode);
        Assert.Equal("from a form", await http.GetStringAsync($"{Repo}/refs/main/objects?path=a.csv"));
        Assert.Equal("application/octet-stream", raw.Json.GetProperty("content_type").GetString());
        Assert.Equal("{}", raw.Json.GetProperty("metadata").GetRawText());
    }

    [Fact]
    public async Task Get_object_sends_etag_content_type_and_last_modified_and_honours_if_none_match()
    {
        await using var lakeFs = await StartAsync();
        using var http = lakeFs.CreateHttpClient();
        await Upload(http, "main", "a.txt", "hello", "text/plain");

        using var response = await http.GetAsync($"{Repo}/refs/main/objects?path=a.txt");
        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"{Repo}/refs/main/objects?path=a.txt");
        conditional.Headers.TryAddWithoutValidation("If-None-Match", "\"5d41402abc4b2a76b9719d911017c592\"");
        using var notModified = await http.SendAsync(conditional);
        var missing = await Api.SendAsync(http, HttpMethod.Get, $"{Repo}/refs/main/objects?path=nope");
        var noPath = await Api.SendAsync(http, HttpMethod.Get, $"{Repo}/refs/main/objects");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"5d41402abc4b2a76b9719d911017c592\"", response.Headers.ETag?.ToString());
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(Now, response.Content.Headers.LastModified);
        Assert.Equal(5, response.Content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal("not found", missing.Expect(HttpStatusCode.NotFound).Message);
        Assert.Equal("parameter \"path\" in query has an error: value is required but missing", noPath.Expect(HttpStatusCode.BadRequest).Message);
    }

    [Theory]
    [InlineData("bytes=1-3", "ell", "bytes 1-3/5")]
    [InlineData("bytes=2-", "llo", "bytes 2-4/5")]
    [InlineData("bytes=-2", "lo", "bytes 3-4/5")]
    [InlineData("bytes=3-99", "lo", "bytes 3-4/5")]
    public async Task Get_object_with_a_range_answers_206_with_the_bytes(string range, string expected, string contentRange)
    {
        await using var lakeFs = await StartAsync();
        lakeFs.PutObject(Api.Repo, "main", "a.txt", "hello", "text/plain");
        using var http = lakeFs.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Repo}/refs/main/objects?path=a.txt");
        request.Headers.TryAddWithoutValidation("Range", range);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
        Assert.Equal(contentRange, response.Content.Headers.ContentRange?.ToString());
    }

    [Fact]
    public async Task Get_object_with_an_unsatisfiable_range_answers_416()
    {
        await using var lakeFs = await StartAsync();
        lakeFs.PutObject(Api.Repo, "main", "a.txt", "hello");
        using var http = lakeFs.CreateHttpClient();

        var answer = await Api.SendAsync(http, HttpMethod.Get, $"{Repo}/refs/main/objects?path=a.txt", null, ("Range", "bytes=9-"));

        Assert.Equal((HttpStatusCode)416, answer.Status);
    }

    [Fact]
    public async Task Refs_resolve_to_a_branch_a_tag_or_a_commit_id()
    {
        await using var lakeFs = await StartAsync();
        lakeFs.PutObject(Api.Repo, "main", "a.txt", "v1");
        var first = (await lakeFs.CommitAsync(Api.Repo, "main", "v1")).Reference!;
        await lakeFs.CreateTagAsync(Api.Repo, "v1", "main");
        lakeFs.PutObject(Api.Repo, "main", "a.txt", "v2");
        using var http = lakeFs.CreateHttpClient();

        var fromTag = await lakeFs.CreateBranchAsync(Api.Repo, "from-tag", "v1");
        var fromCommit = await lakeFs.CreateBranchAsync(Api.Repo, "from-commit", first);

        Assert.Equal("v2", await http.GetStringAsync($"{Repo}/refs/main/objects?path=a.txt"));
        Assert.Equal("v1", await http.GetStringAsync($"{Repo}/refs/v1/objects?path=a.txt"));
        Assert.Equal("v1", await http.GetStringAsync($"{Repo}/refs/{first}/objects?path=a.txt"));
        Assert.Equal((first, first), (fromTag.Reference, fromCommit.Reference));
        Assert.Equal("v1", await http.GetStringAsync($"{Repo}/refs/from-tag/objects?path=a.txt"));
    }

    [Fact]
    public async Task Commit_takes_the_date_given_in_unix_seconds()
    {
        await using var lakeFs = await StartAsync();
        using var http = lakeFs.CreateHttpClient();

        var answer = await Api.SendAsync(http, HttpMethod.Post, $"{Repo}/branches/main/commits", "{\"message\":\"m\",\"date\":1700000000,\"allow_empty\":true}");

        Assert.Equal(1700000000, answer.Expect(HttpStatusCode.Created).Json.GetProperty("creation_date").GetInt64());
    }

    [Fact]
    public async Task Commit_to_a_protected_branch_is_403_before_any_hook()
    {
        await using var receiver = new WebhookReceiver();
        await using var lakeFs = await StartAsync();
        lakeFs.PutActionFile(Api.Repo, "main", "a.yaml", ActionFile.Webhook("Check", receiver.Url(), events: "prepare-commit"));
        using var http = lakeFs.CreateHttpClient();
        (await Api.SendAsync(http, HttpMethod.Put, $"{Repo}/settings/branch_protection", "[{\"pattern\":\"ma*\"}]")).Expect(HttpStatusCode.NoContent);

        var commit = await Api.SendAsync(http, HttpMethod.Post, $"{Repo}/branches/main/commits", "{\"message\":\"m\"}");
        var upload = await Upload(http, "main", "b.txt", "x");

        Assert.Equal("cannot commit to protected branch", commit.Expect(HttpStatusCode.Forbidden).Message);
        Assert.Equal("cannot write to protected branch", upload.Expect(HttpStatusCode.Forbidden).Message);
        Assert.Empty(receiver.Received);
    }

    [Fact]
    public async Task List_objects_with_a_delimiter_rolls_subfolders_into_common_prefix_rows_and_pages_by_path()
    {
        await using var lakeFs = await StartAsync();
        foreach (var path in new[] { "_lakefs_actions/a.yaml", "_lakefs_actions/b.yaml", "_lakefs_actions/sub/c.yaml", "_lakefs_actions/sub/d.yaml", "_lakefs_actions/z.yaml", "other.txt" })
        {
            lakeFs.PutObject(Api.Repo, "main", path, "x");
        }

        using var http = lakeFs.CreateHttpClient();
        var all = await Api.GetJsonAsync(http, $"{Repo}/refs/main/objects/ls?prefix=_lakefs_actions/&delimiter=/&amount=1000");
        var page = await Api.GetJsonAsync(http, $"{Repo}/refs/main/objects/ls?prefix=_lakefs_actions/&delimiter=/&amount=3");
        var next = await Api.GetJsonAsync(http, $"{Repo}/refs/main/objects/ls?prefix=_lakefs_actions/&delimiter=/&amount=3&after=_lakefs_actions/sub/");
        var flat = await Api.GetJsonAsync(http, $"{Repo}/refs/main/objects/ls?prefix=_lakefs_actions/sub/");

        static IEnumerable<string> Paths(System.Text.Json.JsonElement json) =>
            json.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("path").GetString()!);
        Assert.Equal(["_lakefs_actions/a.yaml", "_lakefs_actions/b.yaml", "_lakefs_actions/sub/", "_lakefs_actions/z.yaml"], Paths(all));
        var prefixRow = all.GetProperty("results")[2];
        Assert.Equal("{\"checksum\":\"\",\"mtime\":0,\"path\":\"_lakefs_actions/sub/\",\"path_type\":\"common_prefix\",\"physical_address\":\"\"}", prefixRow.GetRawText());
        Assert.Equal("_lakefs_actions/sub/", page.GetProperty("pagination").GetProperty("next_offset").GetString());
        Assert.True(page.GetProperty("pagination").GetProperty("has_more").GetBoolean());
        Assert.Equal(["_lakefs_actions/z.yaml"], Paths(next));
        Assert.Equal(["_lakefs_actions/sub/c.yaml", "_lakefs_actions/sub/d.yaml"], Paths(flat));
    }

    [Fact]
    public async Task Delete_object_answers_204_also_for_a_missing_path_and_stages_a_delete()
    {
        await using var lakeFs = await StartAsync();
        lakeFs.PutObject(Api.Repo, "main", "a.txt", "x");
        await lakeFs.CommitAsync(Api.Repo, "main", "a");
        using var http = lakeFs.CreateHttpClient();

        var deleted = await Api.SendAsync(http, HttpMethod.Delete, $"{Repo}/branches/main/objects?path=a.txt");
        var missing = await Api.SendAsync(http, HttpMethod.Delete, $"{Repo}/branches/main/objects?path=never.txt");
        var read = await Api.SendAsync(http, HttpMethod.Get, $"{Repo}/refs/main/objects?path=a.txt");
        var commit = await lakeFs.CommitAsync(Api.Repo, "main", "delete a");

        deleted.Expect(HttpStatusCode.NoContent);
        missing.Expect(HttpStatusCode.NoContent);
        read.Expect(HttpStatusCode.NotFound);
        Assert.True(commit.Succeeded, commit.ToString());
    }

    [Fact]
    public async Task Every_ref_endpoint_answers_404_for_an_unknown_repository()
    {
        await using var lakeFs = await StartAsync();
        using var http = lakeFs.CreateHttpClient();

        var branches = await Api.SendAsync(http, HttpMethod.Get, "api/v1/repositories/nope/branches");
        var commit = await Api.SendAsync(http, HttpMethod.Post, "api/v1/repositories/nope/branches/main/commits", "{\"message\":\"m\"}");
        var objects = await Api.SendAsync(http, HttpMethod.Get, "api/v1/repositories/nope/refs/main/objects/ls");

        Assert.Equal("repository not found", branches.Expect(HttpStatusCode.NotFound).Message);
        Assert.Equal("repository not found", commit.Expect(HttpStatusCode.NotFound).Message);
        Assert.Equal("repository not found", objects.Expect(HttpStatusCode.NotFound).Message);
    }

    private static Task<WireAnswer> Upload(HttpClient http, string branch, string path, string content, string? contentType = null, params (string Name, string Value)[] headers) =>
        SendRaw(http, $"{Repo}/branches/{branch}/objects?path={Uri.EscapeDataString(path)}", content, contentType, headers);

    private static async Task<WireAnswer> SendRaw(HttpClient http, string path, string content, string? contentType, (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(content)) };
        if (contentType is not null)
        {
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        foreach (var (name, value) in headers)
        {
            Assert.True(request.Headers.TryAddWithoutValidation(name, value));
        }

        using var response = await http.SendAsync(request);
        return new WireAnswer(
            response.StatusCode,
            await response.Content.ReadAsStringAsync(),
            response.Content.Headers.ContentType?.MediaType,
            response.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase));
    }
}
