using System.Net;
using System.Text.RegularExpressions;

namespace LakeFs.Actions.Client.Testing.Tests;

/// <summary>getBranchProtectionRules and setBranchProtectionRules: raw unquoted ETag, If-Match compared verbatim, 412, plain-text 400s.</summary>
public sealed partial class BranchProtectionTests
{
    private const string Path = "api/v1/repositories/" + Api.Repo + "/settings/branch_protection";

    [Fact]
    public async Task Without_rules_the_answer_is_an_empty_list_with_an_empty_etag()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        using var http = lakeFs.CreateHttpClient();

        var answer = (await Api.SendAsync(http, HttpMethod.Get, Path)).Expect(HttpStatusCode.OK);
        var raw = await RawHttp.SendAsync(lakeFs, $"GET /{Path} HTTP/1.1");

        Assert.Equal("[]\n", answer.Body);
        Assert.Matches(new Regex("^ETag: ?\r$", RegexOptions.Multiline | RegexOptions.IgnoreCase), raw);
        Assert.Equal("repository not found", await Api.GetErrorAsync(http, "api/v1/repositories/nope/settings/branch_protection", HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task Put_replaces_the_whole_list_and_get_returns_it_with_a_raw_unquoted_sha256_etag()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        using var http = lakeFs.CreateHttpClient();

        (await Api.SendAsync(http, HttpMethod.Put, Path, "[{\"pattern\":\"main\"},{\"pattern\":\"release-*\"}]")).Expect(HttpStatusCode.NoContent);
        var first = (await Api.SendAsync(http, HttpMethod.Get, Path)).Expect(HttpStatusCode.OK);
        (await Api.SendAsync(http, HttpMethod.Put, Path, "[{\"pattern\":\"stable\"}]")).Expect(HttpStatusCode.NoContent);
        var second = (await Api.SendAsync(http, HttpMethod.Get, Path)).Expect(HttpStatusCode.OK);

        Assert.Equal(["main", "release-*"], first.Json.EnumerateArray().Select(r => r.GetProperty("pattern").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(["stable"], second.Json.EnumerateArray().Select(r => r.GetProperty("pattern").GetString()));
        Assert.Matches(Sha256Hex(), first.Headers["ETag"]);
        Assert.Matches(Sha256Hex(), second.Headers["ETag"]);
        Assert.NotEqual(first.Headers["ETag"], second.Headers["ETag"]);
    }

    [Fact]
    public async Task If_match_with_the_current_etag_replaces_the_rules_and_a_stale_one_is_412()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        using var http = lakeFs.CreateHttpClient();
        (await Api.SendAsync(http, HttpMethod.Put, Path, "[{\"pattern\":\"main\"}]")).Expect(HttpStatusCode.NoContent);
        var etag = (await Api.SendAsync(http, HttpMethod.Get, Path)).Headers["ETag"];

        (await Api.SendAsync(http, HttpMethod.Put, Path, "[{\"pattern\":\"main\"},{\"pattern\":\"dev\"}]", ("If-Match", etag))).Expect(HttpStatusCode.NoContent);
        var stale = (await Api.SendAsync(http, HttpMethod.Put, Path, "[]", ("If-Match", etag))).Expect(HttpStatusCode.PreconditionFailed);

        Assert.Equal("Precondition failed", stale.Message);
        Assert.True(stale.HasRequestId);
        Assert.Equal(2, (await Api.GetJsonAsync(http, Path)).GetArrayLength());
    }

    [Theory]
    [InlineData("\"{0}\"")]
    [InlineData("W/\"{0}\"")]
    [InlineData("W/{0}")]
    [InlineData("*")]
    [InlineData("{0}, {0}")]
    public async Task Quoted_weak_and_star_values_never_match(string template)
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        using var http = lakeFs.CreateHttpClient();
        (await Api.SendAsync(http, HttpMethod.Put, Path, "[{\"pattern\":\"main\"}]")).Expect(HttpStatusCode.NoContent);
        var etag = (await Api.SendAsync(http, HttpMethod.Get, Path)).Headers["ETag"];

        (await Api.SendAsync(http, HttpMethod.Put, Path, "[]", ("If-Match", template.Replace("{0}", etag, StringComparison.Ordinal))))
            .Expect(HttpStatusCode.PreconditionFailed);

        Assert.Equal(1, (await Api.GetJsonAsync(http, Path)).GetArrayLength());
    }

    [Fact]
    public async Task If_match_is_url_unescaped_before_it_is_compared()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        using var http = lakeFs.CreateHttpClient();
        (await Api.SendAsync(http, HttpMethod.Put, Path, "[{\"pattern\":\"main\"}]")).Expect(HttpStatusCode.NoContent);
        var etag = (await Api.SendAsync(http, HttpMethod.Get, Path)).Headers["ETag"];
        var escaped = string.Concat(etag.Select(c => "%" + ((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));

        (await Api.SendAsync(http, HttpMethod.Put, Path, "[]", ("If-Match", escaped))).Expect(HttpStatusCode.NoContent);
        var badEscape = (await Api.SendAsync(http, HttpMethod.Put, Path, "[]", ("If-Match", "%zz"))).Expect(HttpStatusCode.BadRequest);

        Assert.Equal("text/plain", badEscape.MediaType);
    }

    [Fact]
    public async Task Any_if_match_is_412_while_no_rules_exist_even_after_an_empty_list_was_stored()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        using var http = lakeFs.CreateHttpClient();

        (await Api.SendAsync(http, HttpMethod.Put, Path, "[{\"pattern\":\"main\"}]", ("If-Match", "anything"))).Expect(HttpStatusCode.PreconditionFailed);
        (await Api.SendAsync(http, HttpMethod.Put, Path, "[]")).Expect(HttpStatusCode.NoContent);
        var raw = await RawHttp.SendAsync(lakeFs, $"GET /{Path} HTTP/1.1");
        (await Api.SendAsync(http, HttpMethod.Put, Path, "[{\"pattern\":\"main\"}]", ("If-Match", "anything"))).Expect(HttpStatusCode.PreconditionFailed);

        Assert.Matches(new Regex("^ETag: ?\r$", RegexOptions.Multiline | RegexOptions.IgnoreCase), raw);
        Assert.Equal("[]", (await Api.GetJsonAsync(http, Path)).GetRawText());
        (await Api.SendAsync(http, HttpMethod.Put, Path, "[{\"pattern\":\"main\"}]")).Expect(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task An_empty_if_match_or_two_of_them_is_a_plain_text_400()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        using var http = lakeFs.CreateHttpClient();
        (await Api.SendAsync(http, HttpMethod.Put, Path, "[{\"pattern\":\"main\"}]")).Expect(HttpStatusCode.NoContent);
        var etag = (await Api.SendAsync(http, HttpMethod.Get, Path)).Headers["ETag"];

        var empty = await RawHttp.SendAsync(lakeFs, $"PUT /{Path} HTTP/1.1\r\nIf-Match:", "[]");
        var twice = await RawHttp.SendAsync(lakeFs, $"PUT /{Path} HTTP/1.1\r\nIf-Match: {etag}\r\nIf-Match: {etag}", "[]");

        Assert.StartsWith("HTTP/1.1 400", empty, StringComparison.Ordinal);
        Assert.StartsWith("HTTP/1.1 400", twice, StringComparison.Ordinal);
        Assert.Contains("Content-Type: text/plain", empty, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("X-Request-ID:", empty, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith("Invalid format for parameter If-Match: parameter 'If-Match' is empty, can't bind its value\n", empty, StringComparison.Ordinal);
        Assert.EndsWith("\r\n\r\nExpected one value for If-Match, got 2\n", twice, StringComparison.Ordinal);
        Assert.Equal(1, (await Api.GetJsonAsync(http, Path)).GetArrayLength());
    }

    [Fact]
    public async Task A_read_only_repository_answers_403()
    {
        await using var lakeFs = await LakeFsActionsEmulator.StartAsync();
        lakeFs.AddRepository(Api.Repo, readOnly: true);
        using var http = lakeFs.CreateHttpClient();

        var answer = (await Api.SendAsync(http, HttpMethod.Put, Path, "[{\"pattern\":\"main\"}]")).Expect(HttpStatusCode.Forbidden);

        Assert.Equal("read-only repository", answer.Message);
        Assert.Equal("[]", (await Api.GetJsonAsync(http, Path)).GetRawText());
    }

    [Theory]
    [InlineData("[{\"pattern\":\"\"}]", "Error at \"/0/pattern\": minimum string length is 1")]
    [InlineData("[{}]", "property \"pattern\" is missing")]
    [InlineData("{\"pattern\":\"main\"}", "value must be an array")]
    public async Task A_body_that_breaks_the_schema_is_a_validation_error(string body, string expected)
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        using var http = lakeFs.CreateHttpClient();

        var answer = (await Api.SendAsync(http, HttpMethod.Put, Path, body)).Expect(HttpStatusCode.BadRequest);

        Assert.False(answer.HasRequestId);
        Assert.Contains(expected, answer.Message, StringComparison.Ordinal);
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Hex();
}
