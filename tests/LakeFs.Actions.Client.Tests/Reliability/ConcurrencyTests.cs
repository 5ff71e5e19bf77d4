using System.Net.Sockets;
using LakeFs.Actions.Client.Testing;
using Xunit.Abstractions;

namespace LakeFs.Actions.Client.Tests.Reliability;

/// <summary>64 enumerations at once through one client: all correct, over one bounded connection pool.</summary>
public sealed class ConcurrencyTests(ITestOutputHelper output)
{
    private const int Listings = 64;
    private const int RunCount = 500;
    private const int PageSize = 25;
    private const int MaxConnections = 16;

    [Fact]
    public async Task Sixty_four_concurrent_listings_share_one_connection_pool_and_all_return_every_run()
    {
        await using var emulator = await LakeFsActionsEmulator.StartAsync(new LakeFsEmulatorOptions { RequestLogCapacity = 0 });
        emulator.AddRepository("busy");
        var expected = emulator.AddRuns("busy", RunCount).Order(StringComparer.Ordinal).ToList();
        emulator.Faults.SetRandom(new RandomFaultSettings { Seed = 64, ThrottleRate = 0.1, RetryAfter = TimeSpan.FromSeconds(1) });
        var connections = 0;
        using var transport = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = MaxConnections,
            ConnectCallback = async (context, cancellationToken) =>
            {
                Interlocked.Increment(ref connections);
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        using var client = new LakeFsActionsClient(
            new LakeFsClientOptions
            {
                Endpoint = emulator.Endpoint,
                AccessKeyId = emulator.AccessKeyId,
                SecretAccessKey = emulator.SecretAccessKey,
                PageSize = PageSize,
                Retry = { MaxRetries = 20, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.FromMilliseconds(1) },
            },
            transport);

        var results = await Task.WhenAll(Enumerable.Range(0, Listings).Select(_ => Task.Run(async () =>
        {
            var ids = new List<string>(RunCount);
            await foreach (var run in client.ListRunsAsync("busy"))
            {
                ids.Add(run.RunId);
            }

            return ids;
        }))).WaitAsync(TimeSpan.FromSeconds(60));

        var pages = Listings * (RunCount / PageSize);
        var requests = emulator.TotalRequests;
        output.WriteLine($"{Listings} listings, {pages} pages, {requests} requests ({emulator.Faults.InjectedCount} throttled), {connections} connections");
        Assert.All(results, ids => Assert.Equal(expected, ids));
        Assert.Equal(pages + emulator.Faults.InjectedCount, requests);
        Assert.InRange(connections, 1, MaxConnections);
        Assert.True(connections * 20 < requests, $"{connections} connections for {requests} requests: connections are not reused");
    }
}
