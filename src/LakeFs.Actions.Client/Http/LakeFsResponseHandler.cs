using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LakeFs.Actions.Client;

/// <summary>The client's message handler: logs and measures each request under the operation it carries; it never throws for a status.</summary>
/// <remarks>
/// It reads the operation from the request (<see cref="LakeFsOperation.Of"/>) and observes: a log line, the request
/// counter and the duration histogram (OpenTelemetry HTTP client attributes: method, server address and port, route,
/// status code, and <c>error.type</c> for an error status or a transport failure, which has no status). Whether an
/// answer is a failure, and whether it is worth retrying, is decided after the send by the transport and the request
/// pipeline, which build the call's one exception.
/// </remarks>
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
        var operation = LakeFsOperation.Of(request);
        var started = _timeProvider.GetTimestamp();
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is HttpRequestException or IOException or OperationCanceledException)
        {
            var failedAfter = _timeProvider.GetElapsedTime(started);
            LakeFsLog.RequestFailed(_logger, request.Method.Method, operation.Route, failedAfter.TotalMilliseconds, error.GetType().Name + ": " + ErrorText.Snippet(error.Message));
            LakeFsTelemetry.Requests.Add(1, new(LakeFsTelemetry.RouteTag, operation.Route), new(LakeFsTelemetry.StatusCodeTag, 0));
            if (LakeFsTelemetry.RequestDuration.Enabled)
            {
                var tags = RequestTags(request, operation);
                tags.Add(LakeFsTelemetry.ErrorTypeTag, error.GetType().FullName);
                LakeFsTelemetry.RequestDuration.Record(failedAfter.TotalSeconds, tags);
            }

            throw;
        }

        var elapsed = _timeProvider.GetElapsedTime(started);
        var status = (int)response.StatusCode;
        LakeFsLog.RequestCompleted(_logger, request.Method.Method, operation.Route, status, elapsed.TotalMilliseconds);
        if (LakeFsTelemetry.Requests.Enabled)
        {
            LakeFsTelemetry.Requests.Add(1, new TagList { { LakeFsTelemetry.RouteTag, operation.Route }, { LakeFsTelemetry.StatusCodeTag, status } });
        }

        if (LakeFsTelemetry.RequestDuration.Enabled)
        {
            var tags = RequestTags(request, operation);
            tags.Add(LakeFsTelemetry.StatusCodeTag, status);
            if (status >= 400)
            {
                tags.Add(LakeFsTelemetry.ErrorTypeTag, status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            LakeFsTelemetry.RequestDuration.Record(elapsed.TotalSeconds, tags);
        }

        LakeFsTelemetry.CurrentOperation?.SetTag(LakeFsTelemetry.StatusCodeTag, status);
        if (LakeFsStatusCodes.IsThrottling(status))
        {
            LakeFsTelemetry.Throttled.Add(1, new KeyValuePair<string, object?>(LakeFsTelemetry.StatusCodeTag, status));
        }

        return response;
    }

    /// <summary>The attributes every duration measurement carries: route, method, server address and port.</summary>
    private static TagList RequestTags(HttpRequestMessage request, LakeFsOperation operation)
    {
        var tags = new TagList
        {
            { LakeFsTelemetry.RouteTag, operation.Route },
            { LakeFsTelemetry.MethodTag, request.Method.Method },
        };
        if (request.RequestUri is { IsAbsoluteUri: true } uri)
        {
            tags.Add(LakeFsTelemetry.ServerAddressTag, uri.Host);
            tags.Add(LakeFsTelemetry.ServerPortTag, uri.Port);
        }

        return tags;
    }
}
