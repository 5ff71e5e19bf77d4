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

    /// <summary>A repositories client for this server, configured like <see cref="Client"/>.</summary>
    public LakeFsRepositoriesClient RepositoriesClient(Action<LakeFsClientOptions>? configure = null, TimeProvider? clock = null, ILoggerFactory? loggerFactory = null) =>
        new(Options(configure), transport: null, loggerFactory, clock);

    /// <summary>Answers GET <paramref name="path"/> (under /api/v1) with a JSON body.</summary>
    public void Json(string path, string body, int status = 200, Func<IRequestBuilder, IRequestBuilder>? match = null)
    {
        var request = Request.Create().WithPath("/api/v1" + path).UsingGet();
        Server.Given(match is null ? request : match(request))
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithHeader("X-Request-ID", "req-" + status).WithBody(body));
    }

    /// <summary>
    /// Answers successive GETs of <paramref name="path"/> (under /api/v1) with <paramref name="responses"/> in
    /// order; the last one answers every later request too.
    /// </summary>
    public void Sequence(string path, params IResponseBuilder[] responses)
    {
        if (responses.Length == 1)
        {
            Server.Given(Request.Create().WithPath("/api/v1" + path).UsingGet()).RespondWith(responses[0]);
            return;
        }

        var scenario = "sequence " + path;
        for (var i = 0; i < responses.Length; i++)
        {
            var mapping = Server.Given(Request.Create().WithPath("/api/v1" + path).UsingGet()).InScenario(scenario);
            if (i > 0)
            {
                mapping = mapping.WhenStateIs("step " + i);
            }

            if (i < responses.Length - 1)
            {
                mapping = mapping.WillSetStateTo("step " + (i + 1));
            }

            mapping.RespondWith(responses[i]);
        }
    }

    /// <summary>A JSON response with a status, an <c>X-Request-ID</c> and optional extra headers.</summary>
    public static IResponseBuilder JsonResponse(int status, string body, params (string Name, string Value)[] headers)
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithHeader("X-Request-ID", "req-" + status).WithBody(body);
        foreach (var (name, value) in headers)
        {
            response = response.WithHeader(name, value);
        }

        return response;
    }

    public void Dispose() => Server.Dispose();
}
