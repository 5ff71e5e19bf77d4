using BenchmarkDotNet.Attributes;
using LakeFs.Actions.Client.Benchmarks.Wire;
using LakeFs.Actions.Client.Testing;

namespace LakeFs.Actions.Client.Benchmarks;

/// <summary>
/// Case 3: stream a large hook log from the emulator to <see cref="Stream.Null"/>, facade against a raw
/// <see cref="HttpClient.GetStreamAsync(string)"/>. Allocations must not grow with the size of the log.
/// </summary>
[MemoryDiagnoser]
public class HookOutputBenchmarks
{
    private const string Repository = "bench-repo";

    private LakeFsActionsEmulator _emulator = null!;
    private SocketsHttpHandler _transport = null!;
    private LakeFsActionsClient _client = null!;
    private HttpClient _http = null!;
    private string _runId = null!;
    private string _hookRunId = null!;
    private string _outputPath = null!;

    [Params(16, 256)]
    public int SizeMiB { get; set; }

    private long Size => SizeMiB * 1024L * 1024L;

    [GlobalSetup]
    public void Setup()
    {
        _emulator = LakeFsActionsEmulator.StartAsync(new LakeFsEmulatorOptions { RequestLogCapacity = 0 }).GetAwaiter().GetResult();
        _emulator.AddRepository(Repository);
        _runId = _emulator.AddRun(Repository, new EmulatedRun("main", new string('a', 64), "post-commit")
        {
            Hooks = [new EmulatedHook("export", "copy-to-warehouse", HookStatus.Completed, EmulatedHookOutput.Generated(Size))],
        });
        _transport = LoopbackTransport.Create();
        _client = new LakeFsActionsClient(
            new LakeFsClientOptions { Endpoint = _emulator.Endpoint, AccessKeyId = _emulator.AccessKeyId, SecretAccessKey = _emulator.SecretAccessKey },
            _transport);
        _http = new HttpClient(_transport, disposeHandler: false) { BaseAddress = _emulator.Endpoint };
        _http.DefaultRequestHeaders.Authorization = BasicCredentials.Header(_emulator.AccessKeyId, _emulator.SecretAccessKey);

        _hookRunId = FirstHookRunIdAsync().GetAwaiter().GetResult();
        _outputPath = $"api/v1/repositories/{Repository}/actions/runs/{_runId}/hooks/{_hookRunId}/output";
        VerifyAsync().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _http.Dispose();
        _transport.Dispose();
        _emulator.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Raw: <c>HttpClient.GetStreamAsync</c> + <c>CopyToAsync</c>.</summary>
    [Benchmark(Baseline = true)]
    public async Task RawHttpClient()
    {
        var content = await _http.GetStreamAsync(_outputPath).ConfigureAwait(false);
        await using (content.ConfigureAwait(false))
        {
            await content.CopyToAsync(Stream.Null).ConfigureAwait(false);
        }
    }

    /// <summary>The client: <c>GetHookOutputAsync</c> + <c>HookOutput.CopyToAsync</c>.</summary>
    [Benchmark]
    public async Task Facade()
    {
        var output = await _client.GetHookOutputAsync(Repository, _runId, _hookRunId).ConfigureAwait(false);
        await using (output.ConfigureAwait(false))
        {
            await output.CopyToAsync(Stream.Null).ConfigureAwait(false);
        }
    }

    private async Task<string> FirstHookRunIdAsync()
    {
        await foreach (var hook in _client.ListRunHooksAsync(Repository, _runId).ConfigureAwait(false))
        {
            return hook.HookRunId;
        }

        throw new InvalidOperationException("The run has no hook.");
    }

    private async Task VerifyAsync()
    {
        var raw = new ByteCountingStream();
        await using (var content = await _http.GetStreamAsync(_outputPath).ConfigureAwait(false))
        {
            await content.CopyToAsync(raw).ConfigureAwait(false);
        }

        var facade = new ByteCountingStream();
        await using (var output = await _client.GetHookOutputAsync(Repository, _runId, _hookRunId).ConfigureAwait(false))
        {
            if (output.Length != Size)
            {
                throw new InvalidOperationException($"The facade reported a length of {output.Length}, expected {Size}.");
            }

            await output.CopyToAsync(facade).ConfigureAwait(false);
        }

        if (raw.BytesWritten != Size || facade.BytesWritten != Size)
        {
            throw new InvalidOperationException($"Copied {raw.BytesWritten} (raw) and {facade.BytesWritten} (facade) bytes, expected {Size}.");
        }

        Console.WriteLine($"// Verified: both copied {Size} bytes");
    }
}
