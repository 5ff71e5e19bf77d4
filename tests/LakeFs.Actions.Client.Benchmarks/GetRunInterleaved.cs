using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using LakeFs.Actions.Client.Benchmarks.Wire;
using LakeFs.Actions.Client.Testing;
using Newtonsoft.Json;

namespace LakeFs.Actions.Client.Benchmarks;

/// <summary>
/// Case 4, measured interleaved (<c>--getrun-interleaved</c>): one process, one emulator over loopback, and in every
/// round each variant is called in turn, the order rotating from round to round, so that load on the machine hits
/// every variant alike. Allocations are the process's (server included, the same for every variant). Each variant is timed per call (<see cref="Stopwatch"/>); a round's ratio is the variant's
/// mean call in that round over the baseline's. Reported: per-variant median and IQR of per-call times, the median
/// of the per-round ratios with their IQR, and a 95% distribution-free confidence interval of that median.
/// The same variants then run over an in-memory transport that answers with the emulator's bytes: without the
/// socket and the server, what is left is the client's own cost per call, in nanoseconds.
/// </summary>
internal static class GetRunInterleaved
{
    public const string Switch = "--getrun-interleaved";
    public const string FileName = "getrun-interleaved.md";

    private const string Repository = "bench-repo";
    private const int WarmupRounds = 300;
    private const int CallsPerRound = 3;
    private static readonly TimeSpan WarmupTime = TimeSpan.FromSeconds(5);

    /// <summary>One way of reading the run; <see cref="Listening"/> variants run with an activity and a meter listener attached.</summary>
    private sealed record Variant(string Name, string Description, Func<Task<string>> Call, bool Listening = false);

    /// <summary>The figures of one variant: per-call times (ns) and per-round ratios to the baseline.</summary>
    public sealed record Row(string Name, string Description, double Median, double Q1, double Q3, double RatioMedian, double RatioQ1, double RatioQ3, double CiLow, double CiHigh, double AllocatedPerCall);

    public static async Task RunAsync(string resultsDirectory, int rounds)
    {
        await using var emulator = await LakeFsActionsEmulator.StartAsync(new LakeFsEmulatorOptions { RequestLogCapacity = 0 }).ConfigureAwait(false);
        emulator.AddRepository(Repository);
        var runId = emulator.AddRuns(Repository, 100)[42];
        var path = $"api/v1/repositories/{Repository}/actions/runs/{runId}";

        using var socket = LoopbackTransport.Create();
        var (loopback, loopbackAllocations) = await MeasureAsync("loopback", emulator, socket, path, runId, rounds).ConfigureAwait(false);

        // The emulator's answer, replayed from memory: the client's own cost without socket and server.
        using var canned = await CannedHandler.CaptureAsync(socket, emulator, path).ConfigureAwait(false);
        var (inMemory, inMemoryAllocations) = await MeasureAsync("in-memory", emulator, canned, path, runId, rounds * 5).ConfigureAwait(false);

        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Interleaved getRun: {Environment.ProcessorCount} logical cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}; warm-up of at least {WarmupRounds} rounds and {WarmupTime.TotalSeconds:0} s, then {rounds:N0} rounds over loopback and {rounds * 5:N0} in memory, {CallsPerRound} calls of every variant per round, order rotating.")
            .AppendLine()
            .AppendLine("Over loopback (emulator in the same process):")
            .AppendLine();
        Write(text, loopback, loopbackAllocations);
        text.AppendLine().AppendLine("In memory (the emulator's answer replayed by a handler; no socket, no server):").AppendLine();
        Write(text, inMemory, inMemoryAllocations);
        Directory.CreateDirectory(resultsDirectory);
        await File.WriteAllTextAsync(Path.Combine(resultsDirectory, FileName), text.ToString()).ConfigureAwait(false);
        Console.Write(text);
    }

    /// <summary>The rows of the loopback table in <paramref name="resultsDirectory"/>, or null when there is no result.</summary>
    public static (string Header, List<Row> Loopback, List<Row> InMemory)? Load(string resultsDirectory)
    {
        var file = Path.Combine(resultsDirectory, FileName);
        if (!File.Exists(file))
        {
            return null;
        }

        var lines = File.ReadAllLines(file);
        var loopback = new List<Row>();
        var inMemory = new List<Row>();
        var current = loopback;
        foreach (var line in lines)
        {
            if (line.StartsWith("In memory", StringComparison.Ordinal))
            {
                current = inMemory;
            }

            if (!line.StartsWith("| `", StringComparison.Ordinal))
            {
                continue;
            }

            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            // | `name` | description | median | q1 | q3 | ratio | rq1 | rq3 | ci low | ci high | allocated |
            double D(int i) => double.Parse(cells[i], NumberStyles.Float, CultureInfo.InvariantCulture);
            current.Add(new Row(cells[1].Trim('`'), cells[2], D(3), D(4), D(5), D(6), D(7), D(8), D(9), D(10), cells[11] == "-" ? double.NaN : D(11)));
        }

        return (lines[0], loopback, inMemory);
    }

    private static void Write(StringBuilder text, List<Row> rows, Dictionary<string, double>? allocations)
    {
        text.AppendLine("| Variant | What it is | Median ns/call | Q1 | Q3 | Ratio to bare: median of rounds | Q1 | Q3 | 95% CI of median: low | high | Allocated B/call |")
            .AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
        {
            var allocated = allocations is not null && allocations.TryGetValue(r.Name, out var a) ? a.ToString("0", CultureInfo.InvariantCulture) : "-";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| `{r.Name}` | {r.Description} | {r.Median:0} | {r.Q1:0} | {r.Q3:0} | {r.RatioMedian:0.0000} | {r.RatioQ1:0.0000} | {r.RatioQ3:0.0000} | {r.CiLow:0.0000} | {r.CiHigh:0.0000} | {allocated} |");
        }
    }

    private static async Task<(List<Row> Rows, Dictionary<string, double> Allocations)> MeasureAsync(string label, LakeFsActionsEmulator emulator, HttpMessageHandler transport, string path, string runId, int rounds)
    {
        var defaultSerializer = JsonSerializer.CreateDefault();
        var clientSettingsSerializer = JsonSerializer.Create(LakeFsJson.CreateSerializerSettings());
        using var http = new HttpClient(transport, disposeHandler: false) { BaseAddress = emulator.Endpoint };
        http.DefaultRequestHeaders.Authorization = BasicCredentials.Header(emulator.AccessKeyId, emulator.SecretAccessKey);

        LakeFsClientOptions Options(Action<LakeFsClientOptions>? change = null)
        {
            var options = new LakeFsClientOptions { Endpoint = emulator.Endpoint, AccessKeyId = emulator.AccessKeyId, SecretAccessKey = emulator.SecretAccessKey };
            change?.Invoke(options);
            return options;
        }

        using var facade = new LakeFsActionsClient(Options(), transport);
        using var noResilience = new LakeFsActionsClient(Options(o => { o.Retry = new LakeFsRetryOptions { MaxRetries = 0 }; o.Timeout = Timeout.InfiniteTimeSpan; }), transport);
        using var retryOnly = new LakeFsActionsClient(Options(o => o.Timeout = Timeout.InfiniteTimeSpan), transport);
        using var timeoutOnly = new LakeFsActionsClient(Options(o => o.Retry = new LakeFsRetryOptions { MaxRetries = 0 }), transport);

        var variants = new List<Variant>
        {
            new("Bare", "baseline: `HttpClient.GetAsync` + Newtonsoft defaults into `ActionRun`", () => Bare(http, path, defaultSerializer)),
            new("BareClientSettings", "the same with the client's `LakeFsJson` settings", () => Bare(http, path, clientSettingsSerializer)),
            new("Facade", "`GetRunAsync`, default options (retry + per-attempt timeout), no listeners", async () => (await facade.GetRunAsync(Repository, runId).ConfigureAwait(false)).RunId),
            new("FacadeRetryOnly", "retry, no timeout (`Timeout = Infinite`)", async () => (await retryOnly.GetRunAsync(Repository, runId).ConfigureAwait(false)).RunId),
            new("FacadeTimeoutOnly", "timeout, no retry (`MaxRetries = 0`)", async () => (await timeoutOnly.GetRunAsync(Repository, runId).ConfigureAwait(false)).RunId),
            new("FacadeNoResilience", "neither (`MaxRetries = 0`, `Timeout = Infinite`)", async () => (await noResilience.GetRunAsync(Repository, runId).ConfigureAwait(false)).RunId),
            new("FacadeListened", "default options, with an `ActivityListener` (all data) and a `MeterListener` on the client's source and meter", async () => (await facade.GetRunAsync(Repository, runId).ConfigureAwait(false)).RunId, Listening: true),
        };

        foreach (var variant in variants)
        {
            if (await variant.Call().ConfigureAwait(false) != runId)
            {
                throw new InvalidOperationException($"{variant.Name} did not read run {runId}.");
            }
        }

        var times = variants.Select(_ => new List<double>(rounds * CallsPerRound)).ToArray();
        var ratios = variants.Select(_ => new List<double>(rounds)).ToArray();
        var allocated = new double[variants.Count];
        var perRound = new double[variants.Count];
        var tick = 1e9 / Stopwatch.Frequency;

        // Warm-up: at least WarmupRounds rounds and WarmupTime, so that every method has reached its final JIT tier.
        var warmupStarted = Stopwatch.GetTimestamp();
        for (var round = 0; round < WarmupRounds || Stopwatch.GetElapsedTime(warmupStarted) < WarmupTime; round++)
        {
            foreach (var variant in variants)
            {
                using var listeners = variant.Listening ? new Listeners() : null;
                await variant.Call().ConfigureAwait(false);
            }
        }

        for (var round = 0; round < rounds; round++)
        {
            Array.Clear(perRound);
            for (var call = 0; call < CallsPerRound; call++)
            {
                for (var k = 0; k < variants.Count; k++)
                {
                    var index = (k + round + call) % variants.Count;
                    var variant = variants[index];
                    using var listeners = variant.Listening ? new Listeners() : null;
                    var bytes = GC.GetTotalAllocatedBytes(precise: true);
                    var started = Stopwatch.GetTimestamp();
                    await variant.Call().ConfigureAwait(false);
                    var elapsed = (Stopwatch.GetTimestamp() - started) * tick;
                    var total = GC.GetTotalAllocatedBytes(precise: true) - bytes;
                    times[index].Add(elapsed);
                    perRound[index] += elapsed;
                    allocated[index] += total;
                }
            }

            for (var k = 0; k < variants.Count; k++)
            {
                ratios[k].Add(perRound[k] / perRound[0]);
            }
        }

        Console.WriteLine($"// {label}: {rounds:N0} rounds done");
        var rows = new List<Row>();
        var allocations = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var k = 0; k < variants.Count; k++)
        {
            var t = times[k].Order().ToArray();
            var r = ratios[k].Order().ToArray();
            var (low, high) = MedianConfidence(r);
            rows.Add(new Row(variants[k].Name, variants[k].Description, Percentile(t, 0.5), Percentile(t, 0.25), Percentile(t, 0.75), Percentile(r, 0.5), Percentile(r, 0.25), Percentile(r, 0.75), low, high, double.NaN));
            allocations[variants[k].Name] = allocated[k] / times[k].Count;
        }

        return (rows, allocations);
    }

    /// <summary>The bare call, as a user writes it (the same as <see cref="GetRunBenchmarks"/>' baseline).</summary>
    private static async Task<string> Bare(HttpClient http, string path, JsonSerializer serializer)
    {
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        using var text = new StreamReader(stream);
        using var json = new JsonTextReader(text);
        return (serializer.Deserialize<ActionRun>(json) ?? throw new InvalidDataException("null run")).RunId;
    }

    /// <summary>Distribution-free 95% confidence interval of the median: order statistics n/2 -+ 1.96 sqrt(n)/2.</summary>
    private static (double Low, double High) MedianConfidence(double[] sorted)
    {
        var n = sorted.Length;
        var half = 1.96 * Math.Sqrt(n) / 2;
        var low = Math.Max(0, (int)Math.Floor(n / 2.0 - half));
        var high = Math.Min(n - 1, (int)Math.Ceiling(n / 2.0 + half));
        return (sorted[low], sorted[high]);
    }

    private static double Percentile(double[] sorted, double p)
    {
        var position = (sorted.Length - 1) * p;
        var lower = (int)Math.Floor(position);
        var upper = (int)Math.Ceiling(position);
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * (position - lower));
    }

    /// <summary>An activity listener that records all data and a meter listener on the client's instruments, attached while one call runs.</summary>
    private sealed class Listeners : IDisposable
    {
        private readonly ActivityListener _activities = new()
        {
            ShouldListenTo = source => source.Name == "LakeFs.Actions.Client",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };

        private readonly MeterListener _meters = new()
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "LakeFs.Actions.Client")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };

        public Listeners()
        {
            ActivitySource.AddActivityListener(_activities);
            _meters.SetMeasurementEventCallback<long>(static (_, _, _, _) => { });
            _meters.SetMeasurementEventCallback<double>(static (_, _, _, _) => { });
            _meters.Start();
        }

        public void Dispose()
        {
            _meters.Dispose();
            _activities.Dispose();
        }
    }

    /// <summary>Answers every request with one captured response (status, content headers, body), from memory.</summary>
    private sealed class CannedHandler : HttpMessageHandler
    {
        private readonly byte[] _body;
        private readonly MediaTypeHeaderValue? _contentType;

        private CannedHandler(byte[] body, MediaTypeHeaderValue? contentType)
        {
            _body = body;
            _contentType = contentType;
        }

        public static async Task<CannedHandler> CaptureAsync(HttpMessageHandler transport, LakeFsActionsEmulator emulator, string path)
        {
            using var http = new HttpClient(transport, disposeHandler: false) { BaseAddress = emulator.Endpoint };
            http.DefaultRequestHeaders.Authorization = BasicCredentials.Header(emulator.AccessKeyId, emulator.SecretAccessKey);
            using var response = await http.GetAsync(path).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            return new CannedHandler(await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false), response.Content.Headers.ContentType);
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new ByteArrayContent(_body);
            content.Headers.ContentType = _contentType;
            content.Headers.ContentLength = _body.Length;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}
