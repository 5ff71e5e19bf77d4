using System.Diagnostics;
using LakeFs.Actions.Client.Diagnostics;
using Microsoft.Extensions.Logging;
using Polly;

namespace LakeFs.Actions.Client.Http;

/// <summary>
/// Where every operation runs: starts its activity (the only place that does), runs each request and the
/// reading of its body in the retry pipeline (per-attempt timeout inside retries), counts attempts and turns
/// failures into <see cref="LakeFsApiException"/> through <see cref="LakeFsErrors"/>.
/// </summary>
internal sealed class LakeFsRequestPipeline
{
    private readonly ResiliencePipeline _retry;
    private readonly Uri _endpoint;
    private readonly TimeSpan _timeout;

    public LakeFsRequestPipeline(LakeFsClientOptions options, TimeProvider timeProvider, ILogger logger)
    {
        _retry = LakeFsRetryPipeline.Create(options, timeProvider, logger);
        _endpoint = options.Endpoint!;
        _timeout = options.Timeout;
    }

    /// <summary>Starts the activity of one operation (a single request, or a whole listing), tags included; null when nobody listens.</summary>
    public Activity? StartActivity(LakeFsOperation operation, string? repository) =>
        LakeFsTelemetry.StartOperation(operation, repository, _endpoint.Host, _endpoint.Port);

    /// <summary>Runs an operation that is one request, as its own activity.</summary>
    public async Task<T> RunAsync<T>(LakeFsOperation operation, string? repository, CancellationToken cancellationToken, Func<CancellationToken, Task<T>> call)
    {
        using var activity = StartActivity(operation, repository);
        return await SendAsync(operation, cancellationToken, call).ConfigureAwait(false);
    }

    /// <summary>Runs an operation that is one request without a result (204), as its own activity.</summary>
    public Task RunAsync(LakeFsOperation operation, string? repository, CancellationToken cancellationToken, Func<CancellationToken, Task> call) =>
        RunAsync(operation, repository, cancellationToken, async ct =>
        {
            await call(ct).ConfigureAwait(false);
            return true;
        });

    /// <summary>
    /// Runs one request (and the reading of its body) with retries, under the current operation's activity.
    /// A failure, the caller's cancellation included, marks that activity as failed.
    /// </summary>
    public async Task<T> SendAsync<T>(LakeFsOperation operation, CancellationToken cancellationToken, Func<CancellationToken, Task<T>> call)
    {
        var context = ResilienceContextPool.Shared.Get(operation.Id, cancellationToken);
        context.Properties.Set(LakeFsRetryPipeline.OperationKey, operation);
        var attempts = new AttemptLog();
        try
        {
            return await _retry.ExecuteAsync(
                static async (ctx, state) =>
                {
                    state.attempts.Count++;
                    try
                    {
                        return await state.call(ctx.CancellationToken).ConfigureAwait(ctx.ContinueOnCapturedContext);
                    }
                    catch (Exception error)
                    {
                        // What each attempt got, for the error of the last one (the rare path).
                        (state.attempts.Failures ??= []).Add(error);
                        throw;
                    }
                },
                context,
                (call, attempts)).ConfigureAwait(false);
        }
        catch (OperationCanceledException error) when (cancellationToken.IsCancellationRequested)
        {
            LakeFsTelemetry.RecordFailure(LakeFsTelemetry.CurrentOperation, error);
            throw;
        }
        catch (Exception error)
        {
            var translated = LakeFsErrors.FromFailure(error, operation, attempts.Count, attempts.Failures ?? [], _endpoint, _timeout, cancellationToken);
            LakeFsTelemetry.RecordFailure(LakeFsTelemetry.CurrentOperation, translated);
            if (ReferenceEquals(translated, error))
            {
                throw;
            }

            throw translated;
        }
        finally
        {
            LakeFsTelemetry.AddAttempts(attempts.Count);
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>The attempts of one request: how many, and what each failed one threw (null while none failed).</summary>
    private sealed class AttemptLog
    {
        public int Count;

        public List<Exception>? Failures;
    }
}
