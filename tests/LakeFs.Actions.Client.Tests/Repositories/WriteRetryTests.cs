using System.Net;
using System.Text;
using LakeFs.Actions.Client.Tests.Infrastructure;

namespace LakeFs.Actions.Client.Tests.Repositories;

/// <summary>
/// Retry never repeats a write the server may have acted on: the POSTs (create, dump, restore) are repeated only after
/// a 420/429 throttle or a connection that was never made; after a 5xx, an attempt timeout or a connection broken after
/// sending they fail at once. GET, PUT and DELETE are repeated after all of these.
/// </summary>
public sealed class WriteRetryTests
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    public static TheoryData<string, string, bool> Cases()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var post in new[] { "create", "dump", "restore" })
        {
            data.Add(post, "429", true);
            data.Add(post, "420", true);
            data.Add(post, "refused", true);
            data.Add(post, "500", false);
            data.Add(post, "502", false);
            data.Add(post, "503", false);
            data.Add(post, "timeout", false);
            data.Add(post, "reset", false);
        }

        foreach (var idempotent in new[] { "get", "setGC", "delete" })
        {
            foreach (var failure in new[] { "429", "500", "503", "timeout", "reset", "refused" })
            {
                data.Add(idempotent, failure, true);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_write_is_repeated_only_when_the_server_cannot_have_acted(string operation, string failure, bool retried)
    {
        var clock = new TimerRecordingClock();
        using var transport = new ScriptedTransport(failure, Success(operation));
        using var client = new LakeFsRepositoriesClient(
            new LakeFsClientOptions
            {
                Endpoint = new Uri("http://lakefs.test/"),
                AccessKeyId = "AKIAEXAMPLE",
                SecretAccessKey = "secret",
                Timeout = AttemptTimeout,
                Retry = { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(100) },
            },
            transport,
            loggerFactory: null,
            clock);

        var call = Call(client, operation);
        if (retried)
        {
            await clock.DriveAsync(call, due => AdvanceAsync(due, failure, transport, call));
            Assert.Equal(2, transport.Requests);
        }
        else
        {
            await Assert.ThrowsAnyAsync<Exception>(() => clock.DriveAsync(call, due => AdvanceAsync(due, failure, transport, call)));
            Assert.Equal(1, transport.Requests);
        }
    }

    /// <summary>
    /// Retry delays always pass; an attempt's timeout passes only while the transport holds the request (the
    /// "timeout" case). Advancing it otherwise would race the answer and time out an attempt that was answered.
    /// </summary>
    private static async Task<bool> AdvanceAsync(TimeSpan due, string failure, ScriptedTransport transport, Task call)
    {
        if (due < AttemptTimeout)
        {
            return true;
        }

        if (failure != "timeout")
        {
            return false;
        }

        // The first request is held without any timer firing, so waiting for it cannot block the drive.
        await Task.WhenAny(transport.Holding, call);
        return transport.Holding.IsCompleted && !transport.Released;
    }

    private static Task Call(LakeFsRepositoriesClient client, string operation) => operation switch
    {
        "create" => client.CreateRepositoryAsync("new-repo", "s3://bucket/new-repo"),
        "dump" => client.SubmitDumpAsync("repo"),
        "restore" => client.SubmitRestoreAsync("repo", new RefsDump { CommitsMetaRangeId = "c", TagsMetaRangeId = "t", BranchesMetaRangeId = "b" }),
        "get" => client.GetRepositoryAsync("repo"),
        "setGC" => client.SetGCRulesAsync("repo", new GarbageCollectionRules { DefaultRetentionDays = 1 }),
        "delete" => client.DeleteRepositoryAsync("repo"),
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    private static Func<HttpResponseMessage> Success(string operation) => operation switch
    {
        "create" => () => Json(HttpStatusCode.Created, """{"id":"new-repo","creation_date":1,"default_branch":"main","storage_namespace":"s3://bucket/new-repo"}"""),
        "get" => () => Json(HttpStatusCode.OK, """{"id":"repo","creation_date":1,"default_branch":"main","storage_namespace":"s3://bucket/repo"}"""),
        "dump" => () => Json(HttpStatusCode.Accepted, """{"id":"DRabcdefghij0123456789"}"""),
        "restore" => () => Json(HttpStatusCode.Accepted, """{"id":"RRabcdefghij0123456789"}"""),
        _ => () => new HttpResponseMessage(HttpStatusCode.NoContent),
    };

    private static HttpResponseMessage Json(HttpStatusCode status, string body) => new(status)
    {
        Content = new StringContent(body, Encoding.UTF8, "application/json"),
    };

    /// <summary>Fails the first request as told, then answers every request with success.</summary>
    private sealed class ScriptedTransport(string failure, Func<HttpResponseMessage> success) : HttpMessageHandler
    {
        private readonly TaskCompletionSource _holding = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _requests;
        private volatile bool _released;

        public int Requests => Volatile.Read(ref _requests);

        /// <summary>Completes when the transport starts holding the first request (the "timeout" failure).</summary>
        public Task Holding => _holding.Task;

        /// <summary>True once the held request was given up by the client.</summary>
        public bool Released => _released;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _requests) > 1)
            {
                return success();
            }

            switch (failure)
            {
                case "refused":
                    throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (lakefs.test:80)", new IOException("refused"));
                case "reset":
                    throw new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely.", new IOException("Connection reset by peer"));
                case "timeout":
                    try
                    {
                        _holding.TrySetResult();
                        await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
                        throw new InvalidOperationException("unreachable");
                    }
                    finally
                    {
                        _released = true;
                    }
                default:
                    var status = int.Parse(failure, System.Globalization.CultureInfo.InvariantCulture);
                    return Json((HttpStatusCode)status, """{"message":"failure"}""");
            }
        }
    }
}
