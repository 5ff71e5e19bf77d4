using LakeFs.Actions.Client.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static LakeFs.Actions.Client.Tests.Infrastructure.WireMockLakeFs;

namespace LakeFs.Actions.Client.Tests.ActionFiles;

/// <summary>Reading a ref's action files over listObjects and getObject, through the client's request path.</summary>
public sealed class ActionFilesFromServerTests : IDisposable
{
    private const string ListPath = "/repositories/repo/refs/feature-1/objects/ls";
    private const string GetPath = "/repositories/repo/refs/feature-1/objects";
    private readonly WireMockLakeFs _lakeFs = new();
    private readonly TimerRecordingClock _clock = new();

    public void Dispose() => _lakeFs.Dispose();

    private LakeFsRepositoriesClient Client(int maxRetries = 0) => new(
        _lakeFs.Options(o =>
        {
            o.Timeout = Timeout.InfiniteTimeSpan;
            o.Retry.MaxRetries = maxRetries;
            o.Retry.BaseDelay = TimeSpan.FromSeconds(1);
        }),
        transport: null,
        loggerFactory: null,
        _clock);

    private static string Row(string path, string type = "object", long size = 40) => type == "object"
        ? $$"""{"path":"{{path}}","path_type":"object","physical_address":"s3://b/{{path}}","checksum":"abc","mtime":1753272000,"size_bytes":{{size}},"content_type":"application/octet-stream"}"""
        : $$"""{"path":"{{path}}","path_type":"common_prefix","physical_address":"","checksum":"","mtime":0}""";

    private static string Page(bool hasMore, string next, params string[] rows) =>
        $$"""{"pagination":{"has_more":{{(hasMore ? "true" : "false")}},"next_offset":"{{next}}","results":{{rows.Length}},"max_per_page":1000},"results":[{{string.Join(",", rows)}}]}""";

    private void Object(string path, string content, int status = 200) =>
        _lakeFs.Server.Given(Request.Create().WithPath("/api/v1" + GetPath).WithParam("path", path).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/octet-stream").WithBody(content));

    [Fact]
    public async Task Lists_the_actions_prefix_with_delimiter_then_reads_each_object_and_validates()
    {
        _lakeFs.Json(ListPath, Page(false, string.Empty, Row("_lakefs_actions/a.yaml"), Row("_lakefs_actions/b.yaml")));
        Object("_lakefs_actions/a.yaml", "name: Check\non:\n  pre-commit:\nhooks:\n  - id: h1\n    type: lua\n    properties: {script: x}\n");
        Object("_lakefs_actions/b.yaml", "name: x\n");
        using var client = Client();

        var result = await client.ValidateActionFilesAsync("repo", "feature-1");

        Assert.Equal(
            [
                "/api/v1/repositories/repo/refs/feature-1/objects/ls?user_metadata=false&amount=1000&delimiter=%2F&prefix=_lakefs_actions%2F",
                "/api/v1/repositories/repo/refs/feature-1/objects?path=_lakefs_actions%2Fa.yaml",
                "/api/v1/repositories/repo/refs/feature-1/objects?path=_lakefs_actions%2Fb.yaml",
            ],
            _lakeFs.RequestTargets);
        Assert.Equal("1 error occurred:\n\t* parsing file _lakefs_actions/b.yaml: 'name' is invalid: invalid action\n\n", result.LoadError);
        Assert.Equal(["_lakefs_actions/a.yaml", "_lakefs_actions/b.yaml"], result.Files.Select(f => f.Path));
    }

    [Fact]
    public async Task Follows_pages_and_reports_subfolders_and_oversized_objects_without_downloading_them()
    {
        _lakeFs.Server.Given(Request.Create().WithPath("/api/v1" + ListPath).WithParam("after", "_lakefs_actions/a.yaml").UsingGet())
            .RespondWith(JsonResponse(200, Page(false, string.Empty, Row("_lakefs_actions/big.yaml", size: 10_000_000_000), Row("_lakefs_actions/sub/", "common_prefix"))));
        _lakeFs.Server.Given(Request.Create().WithPath("/api/v1" + ListPath).WithParam(p => !p.ContainsKey("after")).UsingGet())
            .RespondWith(JsonResponse(200, Page(true, "_lakefs_actions/a.yaml", Row("_lakefs_actions/a.yaml"))));
        Object("_lakefs_actions/a.yaml", "name: Check\non:\n  pre-commit:\n");
        using var client = Client();

        var entries = await client.ReadActionFilesAsync("repo", "feature-1");

        Assert.Equal(["_lakefs_actions/a.yaml", "_lakefs_actions/big.yaml", "_lakefs_actions/sub/"], entries.Select(e => e.Path));
        Assert.Equal(10_000_000_000, entries[1].OversizedLength);
        Assert.True(entries[2].IsFolder);
        Assert.Equal(3, _lakeFs.Requests.Count);
        var result = new ActionFileValidator().ValidateFolder(entries);
        Assert.Equal(404, result.LoadErrorStatusCode);
        Assert.Equal([ActionRules.FileTooLarge, ActionRules.Subfolder], result.Diagnostics.Select(d => d.Rule));
    }

    [Fact]
    public async Task An_object_larger_than_announced_stops_reading_at_the_limit()
    {
        _lakeFs.Json(ListPath, Page(false, string.Empty, Row("_lakefs_actions/a.yaml", size: 10)));
        Object("_lakefs_actions/a.yaml", new string('x', 100));
        using var client = Client();

        var entries = await client.ReadActionFilesAsync("repo", "feature-1", new ActionValidationOptions { MaxFileBytes = 50 });

        Assert.NotNull(Assert.Single(entries).OversizedLength);
    }

    [Fact]
    public async Task An_unknown_ref_is_the_servers_404()
    {
        _lakeFs.Json(ListPath, """{"message":"not found"}""", 404);
        using var client = Client();

        var error = await Assert.ThrowsAsync<LakeFsApiException>(() => client.ValidateActionFilesAsync("repo", "feature-1"));

        Assert.Equal(404, error.StatusCode);
        Assert.Equal("not found", error.ServerMessage);
        Assert.Equal("listObjects", error.Operation);
    }

    [Fact]
    public async Task A_throttled_object_read_is_retried_like_every_operation()
    {
        _lakeFs.Json(ListPath, Page(false, string.Empty, Row("_lakefs_actions/a.yaml")));
        _lakeFs.Sequence(GetPath,
            JsonResponse(503, """{"message":"Throughput exceeded. Slow down and retry"}"""),
            Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/octet-stream").WithBody("name: Check\non:\n  pre-commit:\n"));
        using var client = Client(maxRetries: 2);

        var result = await _clock.DriveAsync(client.ValidateActionFilesAsync("repo", "feature-1"));

        Assert.Null(result.LoadError);
        Assert.Equal("Check", Assert.Single(result.Actions).Name);
        Assert.Equal(3, _lakeFs.Requests.Count);
        Assert.Single(_clock.Delays);
    }

    [Fact]
    public async Task A_failed_object_read_names_the_operation()
    {
        _lakeFs.Json(ListPath, Page(false, string.Empty, Row("_lakefs_actions/a.yaml")));
        _lakeFs.Sequence(GetPath, JsonResponse(410, """{"message":"resource expired"}"""));
        using var client = Client();

        var error = await Assert.ThrowsAsync<LakeFsApiException>(() => client.ReadActionFilesAsync("repo", "feature-1"));

        Assert.Equal(410, error.StatusCode);
        Assert.Equal("getObject", error.Operation);
    }

    [Theory]
    [InlineData("", "reference")]
    [InlineData(" ", "reference")]
    public async Task Ids_are_checked_before_any_request(string reference, string parameter)
    {
        using var client = Client();
        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.ReadActionFilesAsync("repo", reference));
        Assert.Equal(parameter, error.ParamName);
        Assert.Empty(_lakeFs.Requests);
    }
}
