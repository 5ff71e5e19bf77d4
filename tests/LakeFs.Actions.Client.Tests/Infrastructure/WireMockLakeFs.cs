using Microsoft.Extensions.Logging;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace LakeFs.Actions.Client.Tests.Infrastructure;

/// <summary>A WireMock server standing in for lakeFS, one per test, and clients pointed at it.</summary>
internal sealed class WireMockLakeFs : IDisposable
{
    public const string AccessKeyId = "AKIAWIREMOCKEXAMPLE";
    public const string SecretAccessKey = "wire/Mock+Secret/Key/EXAMPLEKEY";

    public WireMockLakeFs() => Server = WireMockServer.Start();

    public WireMockServer Server { get; }

    public Uri Endpoint => new(Server.Url!);

    /// <summary>Every request WireMock received, in arrival order.</summary>
    public IReadOnlyList<ILogEntry> Requests => [.. Server.LogEntries.OrderBy(e => e.RequestMessage.DateTime)];

    /// <summary>Path and query of every request, as sent on the wire.</summary>
    public IReadOnlyList<string> RequestTargets => [.. Requests.Select(e => PathAndQuery(e))];

    public static string PathAndQuery(ILogEntry entry) => new Uri(entry.RequestMessage.Url).PathAndQuery;

    public LakeFsClientOptions Options(Action<LakeFsClientOptions>? configure = null)
    {
        var options = new LakeFsClientOptions
        {
            Endpoint = Endpoint,
            AccessKeyId = AccessKeyId,
            SecretAccessKey = SecretAccessKey,
            Retry = { MaxRetries = 0 },
        };
        configure?.Invoke(options);
        return options;
    }

    public LakeFsActionsClient Client(Action<LakeFsClientOptions>? configure = null, TimeProvider? clock = null, ILoggerFactory? loggerFactory = null) =>
        new(Options(configure), transport: null, loggerFactory, clock);

    /// <summary>Answers GET <paramref name="path"/> (under /api/v1) with a JSON body.</summary>
    public void Json(string path, string body, int status = 200, Func<IRequestBuilder, IRequestBuilder>? match = null)
    {
        var request = Request.Create().WithPath("/api/v1" + path).UsingGet();
        Server.Given(match is null ? request : match(request))
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithHeader("X-Request-ID", "req-" + status).WithBody(body));
    }

    public void Dispose() => Server.Dispose();
}
