using System.Collections;
using System.Net;
using System.Reflection;
using System.Text;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace LakeFs.Actions.Client.Tests.Reliability;

/// <summary>
/// 10,000 seeded mutations of valid lakeFS responses, served in memory: the client only ever returns data
/// or throws <see cref="LakeFsApiException"/>, never a raw JSON exception, a NullReferenceException or a hang.
/// </summary>
public sealed class ResponseFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 424_242;
    private const int Mutations = 10_000;

    private const string Pagination = """{"has_more": false, "next_offset": "", "results": 2, "max_per_page": 1000}""";

    private const string Run = """
        {"run_id": "cq9ht6pvpc5s73d5r5u0", "branch": "main", "start_time": "2026-07-23T10:15:30.123456789Z",
         "end_time": "2026-07-23T10:15:31Z", "event_type": "pre-commit", "status": "failed",
         "commit_id": "c0ffee0123456789c0ffee0123456789c0ffee0123456789c0ffee0123456789"}
        """;

    private const string Hook = """
        {"hook_run_id": "0000_0000", "action": "check_schema", "hook_id": "validate",
         "start_time": "2026-07-23T10:15:30Z", "end_time": "0001-01-01T00:00:00Z", "status": "completed"}
        """;

    private const string Repository = """
        {"id": "demo-repo", "creation_date": 1753265730, "default_branch": "main",
         "storage_namespace": "s3://bucket/demo", "storage_id": "", "read_only": false}
        """;

    private static readonly string RunList = $$"""{"pagination": {{Pagination}}, "results": [{{Run}}, {{Run.Replace("u0", "u1", StringComparison.Ordinal)}}]}""";
    private static readonly string HookList = $$"""{"pagination": {{Pagination}}, "results": [{{Hook}}, {{Hook.Replace("0000_0000", "0000_0001", StringComparison.Ordinal)}}]}""";
    private static readonly string RepositoryList = $$"""{"pagination": {{Pagination}}, "results": [{{Repository}}]}""";

    private static readonly Operation[] Operations =
    [
        new("listRepositoryRuns", RunList, async (c, r) => await Collect(c.ListRunsAsync("repo"))),
        new("listRunHooks", HookList, async (c, r) => await Collect(c.ListRunHooksAsync("repo", "run"))),
        new("getRun", Run, async (c, r) => new object[] { await c.GetRunAsync("repo", "run") }),
        new("listRepositories", RepositoryList, async (c, r) => await Collect(r.ListRepositoriesAsync())),
    ];

    private static async Task<IList> Collect<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    [Fact]
    public async Task Mutated_responses_give_data_or_a_lakefs_exception()
    {
        string body = string.Empty;
        using var transport = new InMemoryTransport(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        });
        var options = new LakeFsClientOptions { Endpoint = new Uri("https://lakefs.example.com"), BearerToken = "token", Retry = { MaxRetries = 0 } };
        using var client = new LakeFsActionsClient(options, transport);
        using var repositories = new LakeFsRepositoriesClient(options, transport);

        // The unmutated documents are read.
        foreach (var operation in Operations)
        {
            body = operation.Valid;
            Assert.NotEmpty(await operation.Call(client, repositories));
        }

        int returned = 0, rejected = 0;

        for (var index = 0; index < Mutations; index++)
        {
            var operation = Operations[index % Operations.Length];
            body = ResponseMutator.Mutate(operation.Template, new Random(Seed + index));
            Exception? error;
            try
            {
                var items = await operation.Call(client, repositories).WaitAsync(TimeSpan.FromSeconds(10));
                foreach (var item in items)
                {
                    Assert.NotNull(item);
                    ReadEveryProperty(item!);
                }

                returned++;
                continue;
            }
            catch (Exception caught)
            {
                error = caught;
            }

            if (error is LakeFsApiException api && api.Operation == operation.Name && api.Message.Length > 0 && api.Message.Length < 2_000)
            {
                rejected++;
                continue;
            }

            Assert.Fail($"Mutation {index} (seed {Seed} + {index}) of {operation.Name} threw {error.GetType().FullName}: {error.Message}\nBody ({body.Length} chars): {Shorten(body)}\n{error}");
        }

        output.WriteLine($"seed {Seed}: {Mutations} mutations, {returned} returned data, {rejected} raised LakeFsApiException, {transport.Requests} requests");
        Assert.Equal(Mutations, returned + rejected);
        Assert.True(returned > Mutations / 20, $"only {returned} mutations were readable: the mutator breaks too much to test the data path");
        Assert.True(rejected > Mutations / 4, $"only {rejected} mutations were rejected: the mutator is too gentle");
    }

    private static void ReadEveryProperty(object value)
    {
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0)
            {
                _ = property.GetValue(value)?.ToString();
            }
        }

        _ = value.ToString();
    }

    private sealed record Operation(string Name, string Valid, Func<ILakeFsActionsClient, ILakeFsRepositoriesClient, Task<IList>> Call)
    {
        public JContainer Template { get; } = (JContainer)JToken.Parse(Valid);
    }

    private static string Shorten(string text) => text.Length <= 2_000 ? text : text[..2_000] + "...";
}
