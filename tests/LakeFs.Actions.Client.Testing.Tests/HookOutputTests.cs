using System.Net;

namespace LakeFs.Actions.Client.Testing.Tests;

/// <summary>getRunHookOutput: an octet-stream attachment with the exact bytes, streamed; empty for a skipped hook.</summary>
public sealed class HookOutputTests
{
    [Fact]
    public async Task Output_is_an_octet_stream_attachment_named_after_the_hook_run_id_with_the_exact_bytes()
    {
        byte[] binary = [0xff, 0xfe, 0x00, 0x80, 0xc3, 0x28, 0x0a, 0x7f, 0xed, 0xa0, 0x80];
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        var runId = lakeFs.AddRun(Api.Repo, "main", "c1", "pre-commit",
        [
            EmulatedHook.Completed("a", "first", "first log\n"),
            new EmulatedHook("b", "binary", HookStatus.Failed, EmulatedHookOutput.FromBytes(binary)),
        ]);
        using var http = lakeFs.CreateHttpClient();

        using var response = await http.GetAsync($"api/v1/repositories/repo/actions/runs/{runId}/hooks/0001_0000/output");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("attachment; filename=0001_0000.log", Assert.Single(response.Content.Headers.GetValues("Content-Disposition")));
        Assert.Equal(binary.Length, response.Content.Headers.ContentLength);
        Assert.Equal(binary, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Each_hook_has_its_own_output()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        var runId = lakeFs.AddRun(Api.Repo, "main", "c1", "pre-commit",
            [EmulatedHook.Completed("a", "one", "one\n"), EmulatedHook.Failed("a", "two", "two\nexit status 1\n")]);
        using var http = lakeFs.CreateHttpClient();

        Assert.Equal("one\n", await http.GetStringAsync($"api/v1/repositories/repo/actions/runs/{runId}/hooks/0000_0000/output"));
        Assert.Equal("two\nexit status 1\n", await http.GetStringAsync($"api/v1/repositories/repo/actions/runs/{runId}/hooks/0000_0001/output"));
    }

    [Fact]
    public async Task Skipped_hook_output_is_200_with_an_empty_body_and_no_content_type()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        var runId = lakeFs.AddRun(Api.Repo, "main", "c1", "pre-commit",
        [
            EmulatedHook.Failed("a", "lint", "failed\n"),
            new EmulatedHook("a", "notify", HookStatus.Skipped, EmulatedHookOutput.FromText("never printed")),
        ]);
        using var http = lakeFs.CreateHttpClient();

        using var response = await http.GetAsync($"api/v1/repositories/repo/actions/runs/{runId}/hooks/0000_0001/output");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Content.Headers.ContentType);
        Assert.False(response.Content.Headers.Contains("Content-Disposition"));
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_64_MiB_output_arrives_whole_when_read_as_a_stream()
    {
        const long size = 64L * 1024 * 1024;
        const string line = "0123456789abcdef webhook reply line\n";
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        var runId = lakeFs.AddRun(Api.Repo, "main", "c1", "post-merge",
            [new EmulatedHook("hooks", "webhook", HookStatus.Completed, EmulatedHookOutput.Generated(size, line))]);
        using var http = lakeFs.CreateHttpClient();

        using var response = await http.GetAsync(
            $"api/v1/repositories/repo/actions/runs/{runId}/hooks/0000_0000/output", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(size, response.Content.Headers.ContentLength);
        await using var body = await response.Content.ReadAsStreamAsync();

        var buffer = new byte[81920];
        var prefix = new byte[line.Length];
        Assert.Equal(line.Length, await body.ReadAtLeastAsync(prefix, line.Length));
        long total = prefix.Length;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            total += read;
        }

        Assert.Equal(line, System.Text.Encoding.UTF8.GetString(prefix));
        Assert.Equal(size, total);
    }

    [Fact]
    public async Task Output_is_streamed_so_the_first_bytes_arrive_before_the_rest_is_produced()
    {
        var head = new byte[4096];
        var tail = new byte[8192];
        Array.Fill(head, (byte)'h');
        Array.Fill(tail, (byte)'t');
        var source = new TwoPartStream(head, tail);
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        var runId = lakeFs.AddRun(Api.Repo, "main", "c1", "post-merge",
            [new EmulatedHook("hooks", "webhook", HookStatus.Completed, EmulatedHookOutput.FromStream(() => source))]);
        using var http = lakeFs.CreateHttpClient();

        // Only a guard against hanging if the server buffered the whole output: the test never waits for it to pass.
        using var hangGuard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await http.GetAsync(
            $"api/v1/repositories/repo/actions/runs/{runId}/hooks/0000_0000/output", HttpCompletionOption.ResponseHeadersRead, hangGuard.Token);
        await using var body = await response.Content.ReadAsStreamAsync(hangGuard.Token);
        var received = new byte[head.Length];
        await body.ReadExactlyAsync(received, hangGuard.Token);

        // The tail has not been produced yet, so the head can only have arrived if the server streams.
        Assert.False(source.TailReleased);
        Assert.Equal(head, received);
        Assert.Null(response.Content.Headers.ContentLength);

        source.ReleaseTail();
        using var rest = new MemoryStream();
        await body.CopyToAsync(rest);
        Assert.Equal(tail, rest.ToArray());
    }

    [Fact]
    public async Task A_log_missing_from_the_object_store_is_410_no_data_while_its_neighbours_still_stream()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        var runId = lakeFs.AddRun(Api.Repo, new EmulatedRun("main", "c1", "post-commit")
        {
            Hooks = [EmulatedHook.Completed("a", "kept", "still here\n"), new EmulatedHook("a", "gone", HookStatus.Completed, EmulatedHookOutput.Missing)],
        });
        using var http = lakeFs.CreateHttpClient();

        Assert.Equal("No data", await Api.GetErrorAsync(http, $"api/v1/repositories/repo/actions/runs/{runId}/hooks/0000_0001/output", HttpStatusCode.Gone));
        Assert.Equal("still here\n", await http.GetStringAsync($"api/v1/repositories/repo/actions/runs/{runId}/hooks/0000_0000/output"));
    }

    [Fact]
    public async Task Unknown_hook_run_is_404()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        var runId = lakeFs.AddRun(Api.Repo, "main", "c1", "pre-commit", [EmulatedHook.Completed("a", "h", "log")]);
        using var http = lakeFs.CreateHttpClient();

        Assert.NotEmpty(await Api.GetErrorAsync(http, $"api/v1/repositories/repo/actions/runs/{runId}/hooks/0000_0001/output", HttpStatusCode.NotFound));
        Assert.NotEmpty(await Api.GetErrorAsync(http, $"api/v1/repositories/repo/actions/runs/{runId}/hooks/0001_0000/output", HttpStatusCode.NotFound));
        Assert.NotEmpty(await Api.GetErrorAsync(http, "api/v1/repositories/repo/actions/runs/zzzzzzzzzzzzzzzzzzzz/hooks/0000_0000/output", HttpStatusCode.NotFound));
    }

    /// <summary>A stream that yields its head at once and its tail only after <see cref="ReleaseTail"/>.</summary>
    private sealed class TwoPartStream(byte[] head, byte[] tail) : Stream
    {
        private readonly TaskCompletionSource _tailReleased = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _headSent;
        private int _tailSent;

        public bool TailReleased => _tailReleased.Task.IsCompleted;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public void ReleaseTail() => _tailReleased.TrySetResult();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_headSent < head.Length)
            {
                return Copy(head, ref _headSent, buffer.Span);
            }

            await _tailReleased.Task.WaitAsync(cancellationToken);
            return Copy(tail, ref _tailSent, buffer.Span);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Read asynchronously.");

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private static int Copy(byte[] source, ref int sent, Span<byte> destination)
        {
            var count = Math.Min(source.Length - sent, destination.Length);
            source.AsSpan(sent, count).CopyTo(destination);
            sent += count;
            return count;
        }
    }
}
