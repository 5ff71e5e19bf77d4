using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace LakeFs.Actions.Client.Testing.Tests;

/// <summary>
/// lakeFS's object endpoints in the details a client meets: the order of upload's checks, multipart errors (500),
/// the answer's content type for a part without one, metadata headers, metadata in listings, and getObject's
/// "keep private" headers, disposition and unsatisfiable ranges.
/// </summary>
public sealed class ObjectConformanceTests
{
    private const string Repo = "api/v1/repositories/" + Api.Repo;

    [Fact]
    public async Task If_none_match_is_checked_before_branch_protection_and_a_bad_branch_id_is_400()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        lakeFs.PutObject(Api.Repo, "main", "a.txt", "x");
        await lakeFs.CommitAsync(Api.Repo, "main", "a");
        using var http = lakeFs.CreateHttpClient();
        (await Api.SendAsync(http, HttpMethod.Put, $"{Repo}/settings/branch_protection", "[{\"pattern\":\"main\"}]")).Expect(HttpStatusCode.NoContent);

        var existing = await SendAsync(http, HttpMethod.Post, $"{Repo}/branches/main/objects?path=a.txt", new StringContent("y"), ("If-None-Match", "*"));
        var fresh = await SendAsync(http, HttpMethod.Post, $"{Repo}/branches/main/objects?path=b.txt", new StringContent("y"), ("If-None-Match", "*"));
        var badBranch = await SendAsync(http, HttpMethod.Post, $"{Repo}/branches/bad.name/objects?path=b.txt", new StringContent("y"));

        Assert.Equal("path already exists", Message(existing, HttpStatusCode.PreconditionFailed));
        Assert.Equal("cannot write to protected branch", Message(fresh, HttpStatusCode.Forbidden));
        Assert.Equal("argument name: branch id: invalid value: validation error", Message(badBranch, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task A_multipart_upload_without_a_content_part_is_a_500()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        using var http = lakeFs.CreateHttpClient();
        var form = new MultipartFormDataContent { { new StringContent("x"), "other", "f.txt" } };

        var answer = await SendAsync(http, HttpMethod.Post, $"{Repo}/branches/main/objects?path=a.txt", form);

        Assert.Equal("multipart upload missing key 'content': http: no such file", Message(answer, HttpStatusCode.InternalServerError));
    }

    [Fact]
    public async Task A_content_part_without_a_content_type_answers_an_empty_content_type_but_stores_the_default()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        using var http = lakeFs.CreateHttpClient();
        var part = new ByteArrayContent("x"u8.ToArray());
        var form = new MultipartFormDataContent { { part, "content", "f.txt" } };

        var answer = await SendAsync(http, HttpMethod.Post, $"{Repo}/branches/main/objects?path=a.txt", form);
        var listed = await Api.GetJsonAsync(http, $"{Repo}/refs/main/objects/ls");

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Assert.Equal(string.Empty, JsonDocument.Parse(answer.Body).RootElement.GetProperty("content_type").GetString());
        Assert.Equal("application/octet-stream", listed.GetProperty("results")[0].GetProperty("content_type").GetString());
    }

    [Fact]
    public async Task Metadata_header_keys_are_lowercased_and_internal_headers_get_the_lakefs_prefix()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        using var http = lakeFs.CreateHttpClient();

        var answer = await SendAsync(
            http,
            HttpMethod.Post,
            $"{Repo}/branches/main/objects?path=a.txt",
            new StringContent("x"),
            ("X-Lakefs-Meta-Owner", "me"),
            ("X-Lakefs-Internal-Source", "s"));

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        var metadata = JsonDocument.Parse(answer.Body).RootElement.GetProperty("metadata");
        Assert.Equal("{\"::lakefs::source\":\"s\",\"owner\":\"me\"}", metadata.GetRawText());
    }

    [Fact]
    public async Task Listings_carry_metadata_only_for_objects_that_have_it_and_not_when_user_metadata_is_false()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        using var http = lakeFs.CreateHttpClient();
        var plain = await SendAsync(http, HttpMethod.Post, $"{Repo}/branches/main/objects?path=a.txt", new StringContent("x"));
        await SendAsync(http, HttpMethod.Post, $"{Repo}/branches/main/objects?path=b.txt", new StringContent("x"), ("X-Lakefs-Meta-Owner", "me"));

        var listed = await Api.GetJsonAsync(http, $"{Repo}/refs/main/objects/ls");
        var without = await Api.GetJsonAsync(http, $"{Repo}/refs/main/objects/ls?user_metadata=false");

        Assert.Equal("{}", JsonDocument.Parse(plain.Body).RootElement.GetProperty("metadata").GetRawText());
        Assert.False(listed.GetProperty("results")[0].TryGetProperty("metadata", out _));
        Assert.Equal("me", listed.GetProperty("results")[1].GetProperty("metadata").GetProperty("owner").GetString());
        Assert.False(without.GetProperty("results")[1].TryGetProperty("metadata", out _));
    }

    [Fact]
    public async Task Get_object_sends_lakeFS_private_headers_and_a_disposition_by_content_type()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        lakeFs.PutObject(Api.Repo, "main", "a.txt", "hello", "text/plain");
        lakeFs.PutObject(Api.Repo, "main", "b.bin", "hello", "application/zip");
        using var http = lakeFs.CreateHttpClient();

        var text = await SendAsync(http, HttpMethod.Get, $"{Repo}/refs/main/objects?path=a.txt", null);
        var binary = await SendAsync(http, HttpMethod.Get, $"{Repo}/refs/main/objects?path=b.bin", null);

        Assert.Equal("inline", text.Headers["Content-Disposition"]);
        Assert.Equal("attachment", binary.Headers["Content-Disposition"]);
        Assert.Equal("no-store, must-revalidate", text.Headers["Cache-Control"]);
        Assert.Equal("nosniff", text.Headers["X-Content-Type-Options"]);
        Assert.Equal("SAMEORIGIN", text.Headers["X-Frame-Options"]);
        Assert.Equal("default-src 'none'", text.Headers["Content-Security-Policy"]);
    }

    [Fact]
    public async Task An_unsatisfiable_range_names_the_size_and_a_malformed_one_does_not()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        lakeFs.PutObject(Api.Repo, "main", "a.txt", "hello");
        using var http = lakeFs.CreateHttpClient();

        var past = await SendAsync(http, HttpMethod.Get, $"{Repo}/refs/main/objects?path=a.txt", null, ("Range", "bytes=10-"));
        var reversed = await SendAsync(http, HttpMethod.Get, $"{Repo}/refs/main/objects?path=a.txt", null, ("Range", "bytes=3-1"));

        Assert.Equal("Requested Range Not Satisfiable", Message(past, HttpStatusCode.RequestedRangeNotSatisfiable));
        Assert.Equal("bytes */5", past.Headers["Content-Range"]);
        Assert.Equal("Requested Range Not Satisfiable", Message(reversed, HttpStatusCode.RequestedRangeNotSatisfiable));
        Assert.False(reversed.Headers.ContainsKey("Content-Range"));
    }

    [Fact]
    public async Task A_matching_if_none_match_is_a_bare_304_without_object_headers()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        lakeFs.PutObject(Api.Repo, "main", "a.txt", "hello");
        using var http = lakeFs.CreateHttpClient();

        var answer = await SendAsync(http, HttpMethod.Get, $"{Repo}/refs/main/objects?path=a.txt", null, ("If-None-Match", "\"5d41402abc4b2a76b9719d911017c592\""));

        Assert.Equal(HttpStatusCode.NotModified, answer.Status);
        Assert.False(answer.Headers.ContainsKey("ETag"));
        Assert.False(answer.Headers.ContainsKey("Last-Modified"));
    }

    private static string Message(WireAnswer answer, HttpStatusCode expected) => answer.Expect(expected).Message;

    private static async Task<WireAnswer> SendAsync(HttpClient http, HttpMethod method, string path, HttpContent? content, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        foreach (var (name, value) in headers)
        {
            Assert.True(request.Headers.TryAddWithoutValidation(name, value));
        }

        using var response = await http.SendAsync(request);
        var all = response.Headers.Concat(response.Content.Headers)
            .GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => string.Join(",", g.SelectMany(h => h.Value)), StringComparer.OrdinalIgnoreCase);
        return new WireAnswer(response.StatusCode, Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()), response.Content.Headers.ContentType?.MediaType, all);
    }

}
