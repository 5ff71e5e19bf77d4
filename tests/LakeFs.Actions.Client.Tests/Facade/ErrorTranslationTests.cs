using LakeFs.Actions.Client.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static LakeFs.Actions.Client.Tests.Infrastructure.LakeFsBodies;

namespace LakeFs.Actions.Client.Tests.Facade;

/// <summary>Failed requests become a LakeFsApiException with the status, server message, request id and operation.</summary>
public sealed class ErrorTranslationTests : IDisposable
{
    private readonly WireMockLakeFs _lakeFs = new();

    public void Dispose() => _lakeFs.Dispose();

    private void Fail(string path, int status, string body, string contentType = "application/json") =>
        _lakeFs.Server.Given(Request.Create().WithPath("/api/v1" + path).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType).WithHeader("X-Request-ID", "3f2c9a1e-7b4d").WithBody(body));

    [Fact]
    public async Task A_404_carries_status_server_message_request_id_and_operation()
    {
        Fail("/repositories/repo/actions/runs/nope", 404, Error("action run not found"));
        using var client = _lakeFs.Client();

        var error = await Assert.ThrowsAsync<LakeFsApiException>(() => client.GetRunAsync("repo", "nope"));

        Assert.Equal(404, error.StatusCode);
        Assert.Equal("action run not found", error.ServerMessage);
        Assert.Equal("3f2c9a1e-7b4d", error.RequestId);
        Assert.Equal("getRun", error.Operation);
        Assert.Contains("getRun", error.Message, StringComparison.Ordinal);
        Assert.Contains("action run not found", error.Message, StringComparison.Ordinal);
        Assert.Contains("3f2c9a1e-7b4d", error.Message, StringComparison.Ordinal);
        Assert.Contains("404", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_401_names_the_credentials_without_showing_them()
    {
        Fail("/repositories/repo", 401, Error("error authenticating request"));
        using var client = _lakeFs.RepositoriesClient();

        var error = await Assert.ThrowsAsync<LakeFsApiException>(() => client.GetRepositoryAsync("repo"));

        Assert.Equal(401, error.StatusCode);
        Assert.Equal("getRepository", error.Operation);
        Assert.Equal("error authenticating request", error.ServerMessage);
        Assert.DoesNotContain(WireMockLakeFs.SecretAccessKey, error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("listRepositoryRuns")]
    [InlineData("listRunHooks")]
    [InlineData("getRunHookOutput")]
    [InlineData("listRepositories")]
    public async Task Every_operation_names_itself_on_failure(string operation)
    {
        _lakeFs.Server.Given(Request.Create().UsingGet())
            .RespondWith(Response.Create().WithStatusCode(403).WithHeader("Content-Type", "application/json").WithBody(Error("insufficient permissions")));
        using var client = _lakeFs.Client();
        using var repositories = _lakeFs.RepositoriesClient();

        var error = await Assert.ThrowsAsync<LakeFsApiException>(operation switch
        {
            "listRepositoryRuns" => () => client.ListRunsAsync("repo").ToListAsync().AsTask(),
            "listRunHooks" => () => client.ListRunHooksAsync("repo", "r1").ToListAsync().AsTask(),
            "getRunHookOutput" => () => client.GetHookOutputAsync("repo", "r1", "0000_0000"),
            _ => () => repositories.ListRepositoriesAsync().ToListAsync().AsTask(),
        });

        Assert.Equal(operation, error.Operation);
        Assert.Equal(403, error.StatusCode);
        Assert.Equal("insufficient permissions", error.ServerMessage);
    }

    [Fact]
    public async Task An_html_502_from_a_proxy_gives_a_bounded_snippet_not_a_parser_error()
    {
        var html = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n"
            + string.Concat(Enumerable.Repeat("<!-- a padding comment to make the page large -->\r\n", 2000)) + "<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
        Fail("/repositories/repo", 502, html, "text/html");
        using var client = _lakeFs.RepositoriesClient();

        var error = await Assert.ThrowsAsync<LakeFsApiException>(() => client.GetRepositoryAsync("repo"));

        Assert.Equal(502, error.StatusCode);
        Assert.NotNull(error.ServerMessage);
        Assert.StartsWith("502 Bad Gateway 502 Bad Gateway", error.ServerMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("<", error.ServerMessage, StringComparison.Ordinal); // the page's text, not its markup
        Assert.InRange(error.ServerMessage!.Length, 1, 400);
        Assert.InRange(error.Message.Length, 1, 1000);
        Assert.Null(error.InnerException);
    }

    [Fact]
    public async Task A_success_status_with_an_html_body_is_reported_as_not_lakefs()
    {
        _lakeFs.Server.Given(Request.Create().WithPath("/api/v1/repositories/repo").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/html").WithBody("<html><body>Sign in</body></html>"));
        using var client = _lakeFs.RepositoriesClient();

        var error = await Assert.ThrowsAsync<LakeFsApiException>(() => client.GetRepositoryAsync("repo"));

        Assert.Equal(200, error.StatusCode);
        Assert.Contains("JSON was expected", error.Message, StringComparison.Ordinal);
        Assert.Contains("Sign in", error.ServerMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_json_body_is_a_lakefs_exception_not_a_raw_parser_error()
    {
        _lakeFs.Json("/repositories/repo", "{\"id\": \"repo\", \"creation_date\": ");
        using var client = _lakeFs.RepositoriesClient();

        var error = await Assert.ThrowsAsync<LakeFsApiException>(() => client.GetRepositoryAsync("repo"));

        Assert.Equal("getRepository", error.Operation);
        Assert.Contains("could not be read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_without_a_body_still_has_status_and_request_id()
    {
        _lakeFs.Server.Given(Request.Create().WithPath("/api/v1/repositories/repo").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(404).WithHeader("X-Request-ID", "empty-404"));
        using var client = _lakeFs.RepositoriesClient();

        var error = await Assert.ThrowsAsync<LakeFsApiException>(() => client.GetRepositoryAsync("repo"));

        Assert.Equal(404, error.StatusCode);
        Assert.Equal("empty-404", error.RequestId);
        Assert.Null(error.ServerMessage);
    }
}
