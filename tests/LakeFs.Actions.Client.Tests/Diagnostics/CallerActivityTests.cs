using LakeFs.Actions.Client.Tests.Infrastructure;
using static LakeFs.Actions.Client.Tests.Infrastructure.LakeFsBodies;

namespace LakeFs.Actions.Client.Tests.Diagnostics;

/// <summary>
/// When nobody listens to the client's source, the caller's own activity (e.g. an ASP.NET Core server span)
/// is current during the call: the client must not write its tags or status onto it.
/// </summary>
public sealed class CallerActivityTests : IDisposable
{
    private readonly WireMockLakeFs _lakeFs = new();
    private readonly TelemetryCapture _telemetry = new(listenToClientSource: false);

    public void Dispose()
    {
        _telemetry.Dispose();
        _lakeFs.Dispose();
    }

    [Fact]
    public async Task The_callers_activity_gets_no_client_tags_or_status()
    {
        _lakeFs.Json("/repositories/repo/actions/runs", RunPage(true, "r1"), match: r => r.WithParam(p => p is null || !p.ContainsKey("after")));
        _lakeFs.Json("/repositories/repo/actions/runs", RunPage(false, "r2"), match: r => r.WithParam("after", "r1"));
        using var client = _lakeFs.Client();
        using var repositories = _lakeFs.RepositoriesClient();

        await client.ListRunsAsync("repo").ToListAsync();
        await Assert.ThrowsAsync<LakeFsApiException>(() => repositories.GetRepositoryAsync("missing"));

        Assert.Empty(_telemetry.Activities);
        Assert.Empty(_telemetry.Root!.TagObjects);
        Assert.Equal(System.Diagnostics.ActivityStatusCode.Unset, _telemetry.Root.Status);
    }
}
