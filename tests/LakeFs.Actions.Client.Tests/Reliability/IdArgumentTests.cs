using System.Net;
using LakeFs.Actions.Client.Testing;
using WireMock.Server;

namespace LakeFs.Actions.Client.Tests.Reliability;

/// <summary>
/// Ids become URL path segments: unusable ids are refused before any request, and every other value is sent
/// as exactly one percent-encoded segment of the intended route, so no id can reach another endpoint.
/// </summary>
public sealed class IdArgumentTests(IdArgumentTests.Servers servers) : IClassFixture<IdArgumentTests.Servers>
{
    /// <summary>One WireMock server and one emulator for the whole class (its tests run one at a time).</summary>
    public sealed class Servers : IAsyncLifetime
    {
        public WireMockServer WireMock { get; } = WireMockServer.Start();

        public LakeFsActionsEmulator Emulator { get; private set; } = null!;

        public LakeFsActionsClient Client { get; private set; } = null!;

        public LakeFsRepositoriesClient Repositories { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Emulator = await LakeFsActionsEmulator.StartAsync();
            Emulator.AddRepository("repo");
            var options = new LakeFsClientOptions { Endpoint = Emulator.Endpoint, AccessKeyId = Emulator.AccessKeyId, SecretAccessKey = Emulator.SecretAccessKey };
            Client = new LakeFsActionsClient(options);
            Repositories = new LakeFsRepositoriesClient(options);
        }

        public async Task DisposeAsync()
        {
            Client.Dispose();
            Repositories.Dispose();
            await Emulator.DisposeAsync();
            WireMock.Dispose();
        }

        /// <summary>The requests the emulator received after request number <paramref name="after"/>.</summary>
        public List<ReceivedRequest> RequestsAfter(long after) => [.. Emulator.ReceivedRequests.Where(r => r.Number > after)];
    }

    public static TheoryData<string, string?> UnusableIds()
    {
        var data = new TheoryData<string, string?>();
        foreach (var call in Calls.Keys)
        {
            foreach (var value in new[] { null, "", " ", "\t\r\n", ".", ".." })
            {
                data.Add(call, value);
            }
        }

        return data;
    }

    /// <summary>Each operation with one id argument replaced by the value under test; the name says which.</summary>
    private static readonly Dictionary<string, Func<ILakeFsActionsClient, ILakeFsRepositoriesClient, string?, Task>> Calls = new()
    {
        ["ListRunsAsync.repository"] = (c, r, v) => Drain(c.ListRunsAsync(v!)),
        ["WatchRunsAsync.repository"] = (c, r, v) => Drain(c.WatchRunsAsync(v!)),
        ["GetRunAsync.repository"] = (c, r, v) => c.GetRunAsync(v!, "run"),
        ["GetRunAsync.runId"] = (c, r, v) => c.GetRunAsync("repo", v!),
        ["ListRunHooksAsync.repository"] = (c, r, v) => Drain(c.ListRunHooksAsync(v!, "run")),
        ["ListRunHooksAsync.runId"] = (c, r, v) => Drain(c.ListRunHooksAsync("repo", v!)),
        ["GetHookOutputAsync.repository"] = (c, r, v) => c.GetHookOutputAsync(v!, "run", "hook"),
        ["GetHookOutputAsync.runId"] = (c, r, v) => c.GetHookOutputAsync("repo", v!, "hook"),
        ["GetHookOutputAsync.hookRunId"] = (c, r, v) => c.GetHookOutputAsync("repo", "run", v!),
        ["GetRepositoryAsync.repository"] = (c, r, v) => r.GetRepositoryAsync(v!),
    };

    private static async Task Drain<T>(IAsyncEnumerable<T> items)
    {
        await foreach (var _ in items)
        {
        }
    }

    [Theory]
    [MemberData(nameof(UnusableIds))]
    public async Task An_unusable_id_is_refused_naming_the_parameter_and_nothing_is_sent(string call, string? value)
    {
        var server = servers.WireMock;
        var options = new LakeFsClientOptions { Endpoint = new Uri(server.Url!), AccessKeyId = "AK", SecretAccessKey = "SK" };
        using var client = new LakeFsActionsClient(options);
        using var repositories = new LakeFsRepositoriesClient(options);

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => Calls[call](client, repositories, value));

        Assert.Equal(call.Split('.')[1], error.ParamName);
        Assert.Contains(error.ParamName!, error.Message, StringComparison.Ordinal);
        Assert.Empty(server.LogEntries);
    }

    public static TheoryData<string> AwkwardIds() =>
        ["a/b", "a/../b", "../actions", "a?b=c", "a#b", "a%2Fb", "100%", "with space", "a..b", "...", ".hidden", "ré-пo-😀", "a\\b", "a;b", "a&amount=1", "%2e%2e", "a+b"];

    [Theory]
    [MemberData(nameof(AwkwardIds))]
    public async Task An_awkward_repository_id_reaches_exactly_its_repository(string id)
    {
        servers.Emulator.AddRepository(id);
        var client = servers.Client;
        var before = servers.Emulator.TotalRequests;

        var repository = await servers.Repositories.GetRepositoryAsync(id);
        var runs = await client.ListRunsAsync(id).ToListAsync();

        Assert.Equal(id, repository.Id);
        Assert.Empty(runs);
        var requests = servers.RequestsAfter(before);
        Assert.Equal(2, requests.Count);
        Assert.Equal("/api/v1/repositories/" + Uri.EscapeDataString(id), requests[0].Target);
        Assert.Equal(EmulatorOperations.GetRepository, requests[0].Operation);
        Assert.Equal("/api/v1/repositories/" + Uri.EscapeDataString(id) + "/actions/runs", requests[1].Target);
        Assert.Equal(EmulatorOperations.ListRepositoryRuns, requests[1].Operation);
    }

    [Theory]
    [MemberData(nameof(AwkwardIds))]
    public async Task Awkward_run_and_hook_run_ids_stay_single_segments_of_their_route(string id)
    {
        var client = servers.Client;
        var before = servers.Emulator.TotalRequests;
        var segment = Uri.EscapeDataString(id);

        var getRun = await Assert.ThrowsAsync<LakeFsApiException>(() => client.GetRunAsync("repo", id));
        var hooks = await client.ListRunHooksAsync("repo", id).ToListAsync();
        var output = await Assert.ThrowsAsync<LakeFsApiException>(() => client.GetHookOutputAsync("repo", id, id));

        // Like lakeFS, the emulator lists no hooks for an unknown run instead of answering 404.
        Assert.Empty(hooks);
        Assert.All([getRun, output], e => Assert.Equal(404, e.StatusCode));
        var requests = servers.RequestsAfter(before);
        Assert.Equal(
            [
                ($"/api/v1/repositories/repo/actions/runs/{segment}", EmulatorOperations.GetRun),
                ($"/api/v1/repositories/repo/actions/runs/{segment}/hooks", EmulatorOperations.ListRunHooks),
                ($"/api/v1/repositories/repo/actions/runs/{segment}/hooks/{segment}/output", EmulatorOperations.GetRunHookOutput),
            ],
            requests.Select(r => (r.Target, r.Operation)));
    }

    [Fact]
    public async Task No_random_id_changes_the_route_or_adds_a_query()
    {
        const int Seed = 77;
        const string Alphabet = "ab/\\?#%&=;:@.+ \t%2F%2e\u00e9\u043f\u0000\ud83d\ude00";
        Uri? sent = null;
        using var transport = new InMemoryTransport(request =>
        {
            sent = request.RequestUri;
            return new HttpResponseMessage(HttpStatusCode.NotFound);
        });
        using var client = new LakeFsActionsClient(new LakeFsClientOptions { Endpoint = new Uri("https://lakefs.example.com/base/"), BearerToken = "t", Retry = { MaxRetries = 0 } }, transport);
        var random = new Random(Seed);

        for (var i = 0; i < 2_000; i++)
        {
            var chars = new char[random.Next(1, 12)];
            for (var c = 0; c < chars.Length; c++)
            {
                chars[c] = Alphabet[random.Next(Alphabet.Length)];
            }

            var run = new string(chars);
            var hook = new string(chars.Reverse().ToArray());
            if (string.IsNullOrWhiteSpace(run) || run is "." or ".." || hook is "." or "..")
            {
                continue;
            }

            await Assert.ThrowsAsync<LakeFsApiException>(() => client.GetHookOutputAsync("repo", run, hook));

            var path = sent!.AbsolutePath;
            Assert.True(sent.Query.Length == 0 && sent.Fragment.Length == 0, $"id {i} '{run}' changed the query: {sent.OriginalString}");
            var segments = path.Split('/');
            Assert.True(segments.Length == 12, $"id {i} '{run}' changed the route: {path}");
            Assert.Equal(["", "base", "api", "v1", "repositories", "repo", "actions", "runs"], segments[..8]);
            Assert.Equal("hooks", segments[9]);
            Assert.Equal("output", segments[11]);
            Assert.Equal(Uri.EscapeDataString(hook), segments[10]);
            Assert.Equal(Uri.EscapeDataString(run), segments[8]);
        }
    }
}
