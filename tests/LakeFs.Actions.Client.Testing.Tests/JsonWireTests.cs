using System.Net;

namespace LakeFs.Actions.Client.Testing.Tests;

/// <summary>
/// lakeFS writes every JSON answer with Go's <c>json.Encoder</c>: a trailing newline, <c>&lt;</c>, <c>&gt;</c> and
/// <c>&amp;</c> escaped as <c>\u003c</c> etc., and the header <c>X-Content-Type-Options: nosniff</c>.
/// </summary>
public sealed class JsonWireTests
{
    private const string Repo = "api/v1/repositories/" + Api.Repo;

    [Fact]
    public async Task Success_and_error_bodies_end_with_a_newline_and_carry_nosniff()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        using var http = lakeFs.CreateHttpClient();

        var branch = await Api.SendAsync(http, HttpMethod.Get, $"{Repo}/branches/main");
        var missing = await Api.SendAsync(http, HttpMethod.Get, $"{Repo}/branches/nope");

        Assert.EndsWith("}\n", branch.Expect(HttpStatusCode.OK).Body, StringComparison.Ordinal);
        Assert.Equal("nosniff", branch.Headers["X-Content-Type-Options"]);
        Assert.Equal("{\"message\":\"branch not found\"}\n", missing.Expect(HttpStatusCode.NotFound).Body);
        Assert.Equal("nosniff", missing.Headers["X-Content-Type-Options"]);
    }

    [Fact]
    public async Task Strings_and_keys_are_escaped_as_go_escapes_them()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        lakeFs.PutObject(Api.Repo, "main", "a.txt", "x");
        using var http = lakeFs.CreateHttpClient();

        var commit = await Api.SendAsync(http, HttpMethod.Post, $"{Repo}/branches/main/commits", "{\"message\":\"a <b> & c\",\"metadata\":{\"<k>\":\"v&\"}}");

        var body = commit.Expect(HttpStatusCode.Created).Body;
        Assert.Contains("\"message\":\"a \\u003cb\\u003e \\u0026 c\"", body, StringComparison.Ordinal);
        Assert.Contains("\"metadata\":{\"\\u003ck\\u003e\":\"v\\u0026\"}", body, StringComparison.Ordinal);
    }
}
