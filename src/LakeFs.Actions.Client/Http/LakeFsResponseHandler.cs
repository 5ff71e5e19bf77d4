using System.Diagnostics;
using LakeFs.Actions.Client.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LakeFs.Actions.Client.Http;

/// <summary>
/// The client's message handler: logs and measures each request under the route of the operation it carries
/// (<see cref="LakeFsOperation.Of"/>), and turns every non-2xx answer (and a 2xx answer that is not the JSON
/// its operation expects) into a <see cref="LakeFsApiException"/> before the REST client sees it.
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
            throw;
        }

        var elapsed = _timeProvider.GetElapsedTime(started);
        var status = (int)response.StatusCode;
        LakeFsLog.RequestCompleted(_logger, request.Method.Method, operation.Route, status, elapsed.TotalMilliseconds);
        if (LakeFsTelemetry.Requests.Enabled || LakeFsTelemetry.RequestDuration.Enabled)
        {
            var tags = new TagList { { LakeFsTelemetry.RouteTag, operation.Route }, { LakeFsTelemetry.StatusCodeTag, status } };
            LakeFsTelemetry.Requests.Add(1, tags);
            LakeFsTelemetry.RequestDuration.Record(elapsed.TotalSeconds, tags);
        }

        LakeFsTelemetry.CurrentOperation?.SetTag(LakeFsTelemetry.StatusCodeTag, status);

        if (response.IsSuccessStatusCode)
        {
            if (operation.ExpectsJson && !IsJsonOrUnspecified(response))
            {
                using (response)
                {
                    throw await LakeFsErrors.NotJsonAsync(response, operation, _timeProvider, cancellationToken).ConfigureAwait(false);
                }
            }

            return response;
        }

        if (LakeFsStatusCodes.IsThrottling(status))
        {
            LakeFsTelemetry.Throttled.Add(1, new KeyValuePair<string, object?>(LakeFsTelemetry.StatusCodeTag, status));
        }

        using (response)
        {
            throw await LakeFsErrors.FromResponseAsync(response, operation, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// True when the answer's media type is JSON (<c>application/json</c>, <c>*+json</c>) or not given. Reads the raw
    /// header (no typed parse per response); only a value that is not plainly JSON goes through .NET's parser.
    /// </summary>
    private static bool IsJsonOrUnspecified(HttpResponseMessage response)
    {
        if (!response.Content.Headers.NonValidated.TryGetValues("Content-Type", out var values))
        {
            return true;
        }

        if (values.Count == 1)
        {
            var raw = values.ToString().AsSpan();
            var semicolon = raw.IndexOf(';');
            var type = (semicolon < 0 ? raw : raw[..semicolon]).Trim();
            if (IsJsonMediaType(type))
            {
                return true;
            }
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType;
        return mediaType is null || IsJsonMediaType(mediaType);
    }

    private static bool IsJsonMediaType(ReadOnlySpan<char> mediaType) =>
        mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
}
