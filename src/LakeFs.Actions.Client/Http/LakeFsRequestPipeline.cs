using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Polly;

namespace LakeFs.Actions.Client;

/// <summary>Where every call runs: its activity, retries, attempt timeout, and the one exception built from its last attempt.</summary>
/// <remarks>
/// The generated REST method of an operation hands its call here with the operation's declaration
/// (<see cref="LakeFsOperation"/>), the only place the call is named; the retry decision, the attempt timeout, logs,
/// traces, metrics and errors all read it from the call (and the handler from the request). An attempt returns a
/// failed answer as data (<see cref="LakeFsFailure"/>), so handlers never throw for a status; after the last attempt
/// the pipeline builds the call's <see cref="LakeFsApiException"/> once, with its final attempt count.
/// </remarks>
internal sealed class LakeFsRequestPipeline
{
    private static readonly AsyncLocal<LakeFsOperation?> Listing = new();

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

    /// <summary>Declares, for the page fetch started in this scope, the operation of the listing that fetches it.</summary>
    /// <param name="operation">The listing's operation.</param>
    /// <returns>Ends the scope.</returns>
    public static ListingScope EnterListing(LakeFsOperation operation)
    {
        var previous = Listing.Value;
        Listing.Value = operation;
        return new ListingScope(previous);
    }

    /// <summary>
    /// Runs a call of <paramref name="operation"/>: each attempt (request and reading of its answer) with retries,
    /// as its own activity, or under its listing's when the operation pages.
    /// </summary>
    /// <typeparam name="T">The call's result.</typeparam>
    /// <param name="operation">The operation, from its generated method.</param>
    /// <param name="repository">The repository the call concerns, for traces; null when none.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <param name="attempt">Sends one request and reads its answer.</param>
    /// <returns>The value of the successful attempt.</returns>
    public Task<T> SendAsync<T>(LakeFsOperation operation, string? repository, CancellationToken cancellationToken, Func<CancellationToken, Task<LakeFsAttempt<T>>> attempt)
    {
        if (operation.IsPaged)
        {
            if (Listing.Value is { } listing && !ReferenceEquals(listing, operation))
            {
                throw new InvalidOperationException($"A listing of {listing.Id} fetched a page of {operation.Id}: the listing and its fetch must name the same operation.");
            }

            return RunAttemptsAsync(operation, cancellationToken, attempt);
        }

        return RunAsOwnActivityAsync(operation, repository, cancellationToken, attempt);
    }

    private async Task<T> RunAsOwnActivityAsync<T>(LakeFsOperation operation, string? repository, CancellationToken cancellationToken, Func<CancellationToken, Task<LakeFsAttempt<T>>> attempt)
    {
        using var activity = StartActivity(operation, repository);
        return await RunAttemptsAsync(operation, cancellationToken, attempt).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs the attempts under the current operation's activity. A failure, the caller's cancellation included,
    /// marks that activity as failed.
    /// </summary>
    private async Task<T> RunAttemptsAsync<T>(LakeFsOperation operation, CancellationToken cancellationToken, Func<CancellationToken, Task<LakeFsAttempt<T>>> attempt)
    {
        var context = ResilienceContextPool.Shared.Get(operation.Id, cancellationToken);
        context.Properties.Set(LakeFsRetryPipeline.OperationKey, operation);
        var attempts = new AttemptLog();
        LakeFsAttempt<T> last;
        try
        {
            last = await _retry.ExecuteAsync(
                static async (ctx, state) =>
                {
                    state.attempts.Count++;
                    try
                    {
                        var outcome = await state.attempt(ctx.CancellationToken).ConfigureAwait(ctx.ContinueOnCapturedContext);
                        if (outcome.Failure is { } failure)
                        {
                            (state.attempts.Failures ??= []).Add(failure);
                        }

                        return outcome;
                    }
                    catch (Exception error)
                    {
                        // What each attempt got, for the error of the last one (the rare path).
                        (state.attempts.Failures ??= []).Add(error);
                        throw;
                    }
                },
                context,
                (attempt, attempts)).ConfigureAwait(false);
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

        if (last.Failure is { } answer)
        {
            var error = LakeFsErrors.FromAnswer(answer, operation, attempts.Count, attempts.Failures ?? [], cancellationToken);
            LakeFsTelemetry.RecordFailure(LakeFsTelemetry.CurrentOperation, error);
            throw error;
        }

        return last.Value;
    }

    /// <summary>The scope of <see cref="EnterListing"/>.</summary>
    internal readonly struct ListingScope(LakeFsOperation? previous) : IDisposable
    {
        public void Dispose() => Listing.Value = previous;
    }

    /// <summary>The attempts of one call: how many, and what each failed one got (an answer or an exception; null while none failed).</summary>
    private sealed class AttemptLog
    {
        public int Count;

        public List<object>? Failures;
    }
}
