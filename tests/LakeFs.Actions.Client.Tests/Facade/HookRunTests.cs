using System.Text;
using LakeFs.Actions.Client.Testing;
using LakeFs.Actions.Client.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static LakeFs.Actions.Client.Tests.Infrastructure.LakeFsBodies;

namespace LakeFs.Actions.Client.Tests.Facade;

/// <summary>Hook runs as lakeFS really sends them (skipped hooks) and their streamed output.</summary>
public sealed class HookRunTests : IDisposable
{
    private const string OutputPath = "/api/v1/repositories/repo/actions/runs/r1/hooks/0000_0001/output";
    private readonly WireMockLakeFs _lakeFs = new();

    public void Dispose() => _lakeFs.Dispose();

    [Fact]
    public async Task A_skipped_hook_reads_as_skipped_with_no_start_or_end_time()
    {
        _lakeFs.Json("/repositories/repo/actions/runs/r1/hooks", """
            {"pagination": {"has_more": false, "next_offset": "", "results": 2, "max_per_page": 1000},
             "results": [
               {"hook_run_id": "0000_0000", "action": "check", "hook_id": "lint", "start_time": "2026-07-23T10:15:30Z",
                "end_time": "2026-07-23T10:15:31Z", "status": "failed"},
               {"hook_run_id": "0000_0001", "action": "check", "hook_id": "publish", "start_time": "0001-01-01T00:00:00Z",
                "status": "skipped"}
             ]}
            """);
        using var client = _lakeFs.Client();

        var hooks = await client.ListRunHooksAsync("repo", "r1").ToListAsync();

        Assert.Equal(HookStatus.Failed, hooks[0].Status);
        Assert.Equal(new DateTimeOffset(2026, 7, 23, 10, 15, 30, TimeSpan.Zero), hooks[0].StartTime);
        var skipped = hooks[1];
        Assert.Equal(HookStatus.Skipped, skipped.Status);
        Assert.True(skipped.Status.IsKnown);
        Assert.Null(skipped.StartTime);
        Assert.Null(skipped.EndTime);
    }

    [Fact]
    public async Task A_hook_status_this_version_does_not_know_is_kept_not_rejected()
    {
        _lakeFs.Json("/repositories/repo/actions/runs/r1/hooks", Page([Hook("0000_0000", status: "cancelled")]));
        using var client = _lakeFs.Client();

        var hook = Assert.Single(await client.ListRunHooksAsync("repo", "r1").ToListAsync());

        Assert.Equal("cancelled", hook.Status.Value);
        Assert.False(hook.Status.IsKnown);
    }

    [Fact]
    public async Task Output_has_the_file_name_length_and_content_the_server_sent()
    {
        var log = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"line {i}: webhook replied 200\n"));
        _lakeFs.Server.Given(Request.Create().WithPath(OutputPath).UsingGet())
            .RespondWith(Response.Create()
                .WithHeader("Content-Type", "application/octet-stream")
                .WithHeader("Content-Disposition", "attachment; filename=\"0000_0001.log\"")
                .WithBody(log));
        using var client = _lakeFs.Client();

        await using var output = await client.GetHookOutputAsync("repo", "r1", "0000_0001");
        using var copy = new MemoryStream();
        await output.CopyToAsync(copy);

        Assert.Equal("0000_0001.log", output.FileName);
        Assert.Equal(log, Encoding.UTF8.GetString(copy.ToArray()));
    }

    [Fact]
    public async Task Output_length_comes_from_content_length()
    {
        await using var lakeFs = await LakeFsActionsEmulator.StartAsync();
        lakeFs.AddRepository("repo");
        var runId = lakeFs.AddRun("repo", "main", "c0ffee", "post-commit", [EmulatedHook.Completed("check", "lint", "twelve bytes")]);
        using var client = new LakeFsActionsClient(new LakeFsClientOptions { Endpoint = lakeFs.Endpoint, AccessKeyId = lakeFs.AccessKeyId, SecretAccessKey = lakeFs.SecretAccessKey });

        await using var output = await client.GetHookOutputAsync("repo", runId, "0000_0000");

        Assert.Equal(12, output.Length);
        Assert.Equal("twelve bytes", await output.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_empty_200_without_content_type_gives_an_empty_stream()
    {
        _lakeFs.Server.Given(Request.Create().WithPath(OutputPath).UsingGet()).RespondWith(Response.Create().WithStatusCode(200));
        using var client = _lakeFs.Client();

        await using var output = await client.GetHookOutputAsync("repo", "r1", "0000_0001");

        Assert.Equal(string.Empty, await output.ReadAsStringAsync());
        Assert.Equal(-1, output.Content.ReadByte());
        Assert.Null(output.FileName);
    }

    [Fact]
    public async Task Output_is_streamed_the_call_returns_before_the_server_finished_the_body()
    {
        var rest = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var lakeFs = await LakeFsActionsEmulator.StartAsync();
        lakeFs.AddRepository("repo");
        var runId = lakeFs.AddRun("repo", "main", "c0ffee", "post-commit",
            [new EmulatedHook("check", "webhook", HookStatus.Completed, EmulatedHookOutput.FromStream(() => new GatedStream("first part\n"u8.ToArray(), rest.Task)))]);
        using var client = new LakeFsActionsClient(new LakeFsClientOptions { Endpoint = lakeFs.Endpoint, AccessKeyId = lakeFs.AccessKeyId, SecretAccessKey = lakeFs.SecretAccessKey });

        // A client that buffered the body would still be waiting here: the server has not finished it.
        await using var output = await client.GetHookOutputAsync("repo", runId, "0000_0000").WaitAsync(TimeSpan.FromSeconds(30));
        var buffer = new byte[11];
        await output.Content.ReadExactlyAsync(buffer);
        rest.SetResult();
        var tail = await output.ReadAsStringAsync();

        Assert.Equal("first part\n", Encoding.UTF8.GetString(buffer));
        Assert.Equal(string.Empty, tail);
        Assert.Equal("0000_0000.log", output.FileName);
    }

    /// <summary>Returns its first bytes at once and ends only when <c>gate</c> completes.</summary>
    private sealed class GatedStream(byte[] first, Task gate) : Stream
    {
        private bool _sentFirst;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (!_sentFirst)
            {
                _sentFirst = true;
                first.CopyTo(buffer);
                return first.Length;
            }

            await gate.WaitAsync(cancellationToken);
            return 0;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
