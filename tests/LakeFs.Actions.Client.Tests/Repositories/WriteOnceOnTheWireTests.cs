using LakeFs.Actions.Client.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LakeFs.Actions.Client.Tests.Repositories;

/// <summary>
/// A POST the server acted on, whose connection then closed before any answer, reached the server exactly once
/// (one attempt, as the exception says), whatever handler sends it: the client's own, one the caller passes, the one
/// of <see cref="IHttpClientFactory"/>, or one with an application handler in the chain that resends a failed request.
/// <see cref="SocketsHttpHandler"/> silently resends a request without content when a pooled connection fails before
/// the answer; the server here is raw TCP, so what it counts is what was on the wire.
/// </summary>
public sealed class WriteOnceOnTheWireTests
{
    private const string Repository = "repo";

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var operation in new[] { "create", "dump", "dumpAndWait", "restore", "restoreAndWait" })
        {
            foreach (var handler in new[] { "own", "sockets", "httpClientHandler", "factory", "factoryWithResendingHandler" })
            {
                data.Add(operation, handler);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_post_whose_answer_was_lost_reached_the_server_once(string operation, string handler)
    {
        await using var server = new ActThenCloseServer();
        using var client = Client(server, handler, out var owned);
        using (owned)
        {
            // A request answered on a kept-alive connection: the POST then goes out on a pooled connection.
            await client.GetRepositoryMetadataAsync(Repository);

            var error = await Assert.ThrowsAsync<LakeFsApiException>(() => Send(client, operation));

            Assert.Equal(1, server.Received("POST", Path(operation)));
            Assert.Equal(0, error.StatusCode);
            Assert.Equal(1, error.Attempts);
        }
    }

    private static Task Send(ILakeFsRepositoriesClient client, string operation)
    {
        var refs = new RefsDump { CommitsMetaRangeId = "c", TagsMetaRangeId = "t", BranchesMetaRangeId = "b" };
        return operation switch
        {
            "create" => client.CreateRepositoryAsync(Repository, "local://repo"),
            "dump" => client.SubmitDumpAsync(Repository),
            "dumpAndWait" => client.DumpAsync(Repository),
            "restore" => client.SubmitRestoreAsync(Repository, refs),
            "restoreAndWait" => client.RestoreAsync(Repository, refs),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };
    }

    private static string Path(string operation) => operation switch
    {
        "create" => "/api/v1/repositories",
        "dump" or "dumpAndWait" => $"/api/v1/repositories/{Repository}/dump",
        _ => $"/api/v1/repositories/{Repository}/restore",
    };

    private static void Configure(LakeFsClientOptions options, Uri endpoint)
    {
        options.Endpoint = endpoint;
        options.AccessKeyId = "AKIAEXAMPLE";
        options.SecretAccessKey = "secret";
        options.Retry.MaxRetries = 3;
        options.Retry.BaseDelay = TimeSpan.Zero;
        options.Retry.MaxDelay = TimeSpan.Zero;
    }

    private static ILakeFsRepositoriesClient Client(ActThenCloseServer server, string handler, out IDisposable? owned)
    {
        var options = new LakeFsClientOptions();
        Configure(options, server.Endpoint);
        owned = null;
        switch (handler)
        {
            case "own":
                return new LakeFsRepositoriesClient(options);
            case "sockets":
                var sockets = new SocketsHttpHandler();
                owned = sockets;
                return new LakeFsRepositoriesClient(options, sockets);
            case "httpClientHandler":
                var classic = new HttpClientHandler();
                owned = classic;
                return new LakeFsRepositoriesClient(options, classic);
            default:
                var services = new ServiceCollection();
                var builder = services.AddLakeFsActionsClient(o => Configure(o, server.Endpoint));
                if (handler == "factoryWithResendingHandler")
                {
                    builder.AddHttpMessageHandler(() => new ResendingHandler());
                }

                var provider = services.BuildServiceProvider();
                owned = provider;
                return provider.GetRequiredService<ILakeFsRepositoriesClient>();
        }
    }

    /// <summary>An application's naive retry handler: sends the same request again after a transport failure.</summary>
    private sealed class ResendingHandler : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await base.SendAsync(request, cancellationToken);
                }
                catch (HttpRequestException) when (attempt < 4)
                {
                }
            }
        }
    }
}
