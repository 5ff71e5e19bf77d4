using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace LakeFs.Actions.Webhooks;

/// <summary>
/// One mapped webhook: checks the secret, the content type and the size, reads the event, runs the handler within
/// the time budget and answers lakeFS. Every answer is <c>text/plain</c> ending with a newline (lakeFS appends its
/// <c>Error: ...</c> line right after the body in the hook log).
/// </summary>
internal sealed class LakeFsWebhookEndpoint
{
    private const int ServiceUnavailable = StatusCodes.Status503ServiceUnavailable;

    private readonly Func<LakeFsEvent, CancellationToken, Task<LakeFsHookResult>> _handler;
    private readonly LakeFsWebhookOptions _options;
    private readonly SharedSecret? _secret;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public LakeFsWebhookEndpoint(
        Func<LakeFsEvent, CancellationToken, Task<LakeFsHookResult>> handler,
        LakeFsWebhookOptions options,
        TimeProvider time,
        ILogger logger)
    {
        _handler = handler;
        _options = options;
        _secret = options.Secret is null ? null : new SharedSecret(options.Secret, options.SecretHeaderName, options.SecretQueryParameterName);
        _time = time;
        _logger = logger;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var started = _time.GetTimestamp();
        var request = context.Request;
        var aborted = context.RequestAborted;

        if (_secret is not null)
        {
            var presented = _secret.Presented(request);
            if (presented is null || !_secret.Matches(presented))
            {
                var problem = presented is null ? "missing" : "wrong";
                WebhookLog.SecretRejected(_logger, request.Path.Value ?? "/", problem, _secret.Where);
                await AnswerAsync(context, StatusCodes.Status401Unauthorized, $"The webhook's shared secret is {problem}: lakeFS must send it in the {_secret.Where} (set it in the action file from {{{{ ENV.LAKEFSACTION_... }}}}).").ConfigureAwait(false);
                return;
            }
        }

        if (!IsJson(request.ContentType))
        {
            var sent = request.ContentType is { Length: > 0 } type ? $"'{EventText.Bound(type, 100)}'" : "none";
            await RejectAsync(context, StatusCodes.Status415UnsupportedMediaType, $"Expected Content-Type application/json (lakeFS always sends it); got {sent}.").ConfigureAwait(false);
            return;
        }

        if (request.ContentLength is { } declared && declared > _options.MaxBodySize)
        {
            await RejectAsync(context, StatusCodes.Status413PayloadTooLarge, TooLarge()).ConfigureAwait(false);
            return;
        }

        var body = await ReadBodyAsync(context, aborted).ConfigureAwait(false);
        if (body is null)
        {
            return; // answered (413) or the client went away
        }

        LakeFsEvent hookEvent;
        try
        {
            hookEvent = LakeFsEvent.Parse(body.Value.Span);
        }
        catch (FormatException error)
        {
            await RejectAsync(context, StatusCodes.Status400BadRequest, error.Message).ConfigureAwait(false);
            return;
        }

        await RunHandlerAsync(context, hookEvent, started).ConfigureAwait(false);
    }

    private async Task RunHandlerAsync(HttpContext context, LakeFsEvent hookEvent, long started)
    {
        var aborted = context.RequestAborted;
        var eventType = hookEvent.EventType.Value;
        using var activity = WebhookTelemetry.StartHookCall(hookEvent);
        WebhookLog.HookReceived(_logger, eventType, hookEvent.RepositoryId, hookEvent.BranchId ?? hookEvent.TagId, hookEvent.ActionName, hookEvent.HookId);

        var elapsed = _time.GetElapsedTime(started);
        var untilDeadline = Max(_options.Deadline - elapsed, TimeSpan.Zero);
        var untilCancel = Max(untilDeadline - _options.CancellationMargin, TimeSpan.Zero);

        using var budget = new CancellationTokenSource(untilCancel, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(budget.Token, aborted);
        using var stopDeadline = CancellationTokenSource.CreateLinkedTokenSource(aborted);

        // Both clocks start before the handler does, so that no tick of the time provider can pass between them.
        var deadline = Task.Delay(untilDeadline, _time, stopDeadline.Token);
        Task<LakeFsHookResult> handling;
        try
        {
            handling = _handler(hookEvent, linked.Token) ?? Task.FromResult<LakeFsHookResult>(null!);
        }
        catch (Exception error)
        {
            handling = Task.FromException<LakeFsHookResult>(error);
        }

        var first = await Task.WhenAny(handling, deadline).ConfigureAwait(false);
        await stopDeadline.CancelAsync().ConfigureAwait(false);

        if (first != handling)
        {
            // The handler ignored its token past the deadline (or lakeFS went away): answer without it.
            ObserveLater(handling);
            if (aborted.IsCancellationRequested)
            {
                ClientWentAway(activity, hookEvent);
                return;
            }

            await TimedOutAsync(context, activity, hookEvent, started).ConfigureAwait(false);
            return;
        }

        LakeFsHookResult? result;
        try
        {
            result = await handling.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            ClientWentAway(activity, hookEvent);
            return;
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested)
        {
            await TimedOutAsync(context, activity, hookEvent, started).ConfigureAwait(false);
            return;
        }
        catch (Exception error)
        {
            await HandlerFailedAsync(context, activity, hookEvent, error).ConfigureAwait(false);
            return;
        }

        if (result is null)
        {
            await HandlerFailedAsync(context, activity, hookEvent, new InvalidOperationException("The webhook handler returned null instead of a LakeFsHookResult.")).ConfigureAwait(false);
            return;
        }

        if (result.Passed)
        {
            WebhookLog.HookPassed(_logger, eventType, hookEvent.ActionName, hookEvent.HookId, hookEvent.RepositoryId);
            Finish(activity, "passed", StatusCodes.Status200OK);
            await AnswerAsync(context, StatusCodes.Status200OK, result.Text).ConfigureAwait(false);
        }
        else
        {
            WebhookLog.HookRefused(_logger, eventType, hookEvent.ActionName, hookEvent.HookId, hookEvent.RepositoryId, result.Text);
            Finish(activity, "refused", _options.RefusalStatusCode);
            await AnswerAsync(context, _options.RefusalStatusCode, result.Text).ConfigureAwait(false);
        }
    }

    private async Task TimedOutAsync(HttpContext context, Activity? activity, LakeFsEvent hookEvent, long started)
    {
        var elapsed = _time.GetElapsedTime(started);
        WebhookLog.HookTimedOut(_logger, hookEvent.EventType.Value, hookEvent.ActionName, hookEvent.HookId, hookEvent.RepositoryId, elapsed.TotalSeconds, _options.Deadline.TotalSeconds);
        Finish(activity, "timed_out", ServiceUnavailable, "timeout");
        var seconds = _options.Deadline.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        await AnswerAsync(context, ServiceUnavailable, $"The webhook ran out of time: the {hookEvent.EventType.Value} check of action '{hookEvent.ActionName}' hook '{hookEvent.HookId}' did not finish within its {seconds} s deadline, so it fails rather than let lakeFS's own timeout cut the request.").ConfigureAwait(false);
    }

    private async Task HandlerFailedAsync(HttpContext context, Activity? activity, LakeFsEvent hookEvent, Exception error)
    {
        WebhookLog.HandlerFailed(_logger, hookEvent.EventType.Value, hookEvent.ActionName, hookEvent.HookId, hookEvent.RepositoryId, error);
        Finish(activity, "error", StatusCodes.Status500InternalServerError, error.GetType().FullName);
        await AnswerAsync(context, StatusCodes.Status500InternalServerError, $"The webhook handler failed ({error.GetType().Name}); the webhook service's log has the details.").ConfigureAwait(false);
    }

    private void ClientWentAway(Activity? activity, LakeFsEvent hookEvent)
    {
        WebhookLog.ClientWentAway(_logger, hookEvent.EventType.Value, hookEvent.ActionName, hookEvent.HookId, hookEvent.RepositoryId);
        Finish(activity, "aborted", statusCode: null, "client_aborted");
    }

    private async Task<ReadOnlyMemory<byte>?> ReadBodyAsync(HttpContext context, CancellationToken aborted)
    {
        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            // The server's own limit (30 MB in Kestrel) must not answer first with its own text, nor cap a larger setting.
            sizeFeature.MaxRequestBodySize = null;
        }

        var limit = _options.MaxBodySize;
        var buffer = new ArrayBufferWriter<byte>(context.Request.ContentLength is { } length and > 0 ? (int)Math.Min(length, 64 * 1024) : 1024);
        try
        {
            while (true)
            {
                var read = await context.Request.Body.ReadAsync(buffer.GetMemory(4096), aborted).ConfigureAwait(false);
                if (read == 0)
                {
                    return buffer.WrittenMemory;
                }

                buffer.Advance(read);
                if (buffer.WrittenCount > limit)
                {
                    await RejectAsync(context, StatusCodes.Status413PayloadTooLarge, TooLarge()).ConfigureAwait(false);
                    return null;
                }
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            return null;
        }
        catch (IOException) when (aborted.IsCancellationRequested)
        {
            return null;
        }
        catch (BadHttpRequestException error)
        {
            await RejectAsync(context, error.StatusCode, "The request body could not be read: " + EventText.Bound(error.Message, 200)).ConfigureAwait(false);
            return null;
        }
    }

    private string TooLarge() =>
        string.Create(CultureInfo.InvariantCulture, $"The body is larger than the {_options.MaxBodySize} bytes this webhook accepts (LakeFsWebhookOptions.MaxBodySize).");

    private async Task RejectAsync(HttpContext context, int statusCode, string problem)
    {
        WebhookLog.RequestRejected(_logger, context.Request.Path.Value ?? "/", statusCode, problem);
        await AnswerAsync(context, statusCode, problem).ConfigureAwait(false);
    }

    private static async Task AnswerAsync(HttpContext context, int statusCode, string text)
    {
        if (context.RequestAborted.IsCancellationRequested || context.Response.HasStarted)
        {
            return;
        }

        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        var body = text.Length == 0 || text.EndsWith('\n') ? text : text + "\n";
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.ContentLength = bytes.Length;
        try
        {
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // lakeFS went away while the answer was written.
        }
        catch (IOException) when (context.RequestAborted.IsCancellationRequested)
        {
            // Same, reported by the transport.
        }
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && parsed.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        && (parsed.Charset.Length == 0 || parsed.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || parsed.Charset.Equals("utf8", StringComparison.OrdinalIgnoreCase));

    private static void Finish(Activity? activity, string outcome, int? statusCode, string? errorType = null)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag(WebhookTelemetry.OutcomeTag, outcome);
        if (statusCode is { } code)
        {
            activity.SetTag(WebhookTelemetry.StatusCodeTag, code);
        }

        if (errorType is not null)
        {
            activity.SetTag(WebhookTelemetry.ErrorTypeTag, errorType);
            activity.SetStatus(ActivityStatusCode.Error);
        }
    }

    private static void ObserveLater(Task task) =>
        _ = task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
