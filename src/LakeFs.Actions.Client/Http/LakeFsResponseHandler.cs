using System.Diagnostics;
using LakeFs.Actions.Client.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LakeFs.Actions.Client.Http;

/// <summary>
/// The client's message handler: logs and measures each request, and turns every non-2xx answer (and a
/// 2xx answer that is not the JSON it must be) into a <see cref="LakeFsApiException"/> before the
/// generated client sees it, reading only a bounded part of the body.
/// </summary>
internal sealed class LakeFsResponseHandler : DelegatingHandler
{
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;

    public LakeFsResponseHandler(ILogger? logger, TimeProvider? timeProvider)
    {
        _logger = logger ?? NullLogger.Instance;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var route = LakeFsRoute.Match(request.RequestUri);
        var started = _timeProvider.GetTimestamp();
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is HttpRequestException or IOException or OperationCanceledException)
        {
            var failedAfter = _timeProvider.GetElapsedTime(started);
            LakeFsLog.RequestFailed(_logger, request.Method.Method, route.Template, failedAfter.TotalMilliseconds, error.GetType().Name + ": " + error.Message);
            LakeFsTelemetry.Requests.Add(1, new(LakeFsTelemetry.RouteTag, route.Template), new(LakeFsTelemetry.StatusCodeTag, 0));
            throw;
        }

        var elapsed = _timeProvider.GetElapsedTime(started);
        var status = (int)response.StatusCode;
        LakeFsLog.RequestCompleted(_logger, request.Method.Method, route.Template, status, elapsed.TotalMilliseconds);
        var tags = new TagList { { LakeFsTelemetry.RouteTag, route.Template }, { LakeFsTelemetry.StatusCodeTag, status } };
        LakeFsTelemetry.Requests.Add(1, tags);
        LakeFsTelemetry.RequestDuration.Record(elapsed.TotalSeconds, tags);
        LakeFsTelemetry.CurrentOperation?.SetTag(LakeFsTelemetry.StatusCodeTag, status);

        if (response.IsSuccessStatusCode)
        {
            if (route.ExpectsJson && !IsJsonOrUnspecified(response))
            {
                using (response)
                {
                    var mediaType = response.Content.Headers.ContentType?.MediaType;
                    throw await LakeFsErrorResponse.CreateExceptionAsync(
                        response, route, $"The server answered {status} with Content-Type '{mediaType}' where JSON was expected; is the endpoint a lakeFS server?", _timeProvider, cancellationToken).ConfigureAwait(false);
                }
            }

            return response;
        }

        if (LakeFsErrorResponse.IsThrottlingStatus(status))
        {
            LakeFsTelemetry.Throttled.Add(1, new KeyValuePair<string, object?>(LakeFsTelemetry.StatusCodeTag, status));
        }

        using (response)
        {
            throw await LakeFsErrorResponse.CreateExceptionAsync(response, route, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsJsonOrUnspecified(HttpResponseMessage response)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        return mediaType is null
            || mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }
}
