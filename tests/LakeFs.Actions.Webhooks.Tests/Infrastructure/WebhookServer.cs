using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace LakeFs.Actions.Webhooks.Tests.Infrastructure;

/// <summary>
/// A Kestrel server on 127.0.0.1 with a port chosen at run time, serving one <c>MapLakeFsWebhook</c> endpoint at
/// <see cref="Route"/>, logging into <see cref="Logs"/> (every category, every level), optionally on a virtual clock.
/// </summary>
internal sealed class WebhookServer : IAsyncDisposable
{
    public const string Route = "/hooks/test";

    private readonly WebApplication _app;

    private WebhookServer(WebApplication app, CapturingLoggerProvider logs, Uri address)
    {
        _app = app;
        Logs = logs;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = Timeout.InfiniteTimeSpan };
    }

    public CapturingLoggerProvider Logs { get; }

    public Uri Address { get; }

    public Uri HookUri => new(Address, Route);

    public HttpClient Client { get; }

    public static async Task<WebhookServer> StartAsync(
        Func<LakeFsEvent, CancellationToken, Task<LakeFsHookResult>> handler,
        Action<LakeFsWebhookOptions>? configure = null,
        FakeTimeProvider? time = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var logs = new CapturingLoggerProvider();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddProvider(logs);
        // The sample's appsettings.json is copied next to the tests; its levels must not hide entries from the capture.
        builder.Logging.AddFilter<CapturingLoggerProvider>(category: null, LogLevel.Trace);
        if (time is not null)
        {
            builder.Services.AddSingleton<TimeProvider>(time);
        }

        builder.Services.AddLakeFsWebhooks(configure ?? (_ => { }));
        var app = builder.Build();
        app.MapLakeFsWebhook(Route, handler);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new WebhookServer(app, logs, new Uri(address));
    }

    /// <summary>Posts <paramref name="json"/> as lakeFS does (<c>Content-Type: application/json</c>).</summary>
    public Task<HttpResponseMessage> PostAsync(string json, CancellationToken cancellationToken = default) =>
        Client.PostAsync(Route, Json(json), cancellationToken);

    /// <summary>A body with exactly the header lakeFS sends: <c>Content-Type: application/json</c>, no charset.</summary>
    public static HttpContent Json(string json)
    {
        var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(json));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
