using System.Runtime.CompilerServices;

namespace LakeFs.Actions.Client;

/// <summary>Operations built on <see cref="ILakeFsActionsClient"/> for audits at scale.</summary>
public static class LakeFsActionsClientExtensions
{
    /// <summary>
    /// Fetches the hook runs of every run in <paramref name="runs"/>, up to <paramref name="maxConcurrency"/> runs at a
    /// time, and yields each run with its hooks in the order of <paramref name="runs"/>.
    /// <c>GET /repositories/{repository}/actions/runs/{run_id}/hooks</c> for each run.
    /// </summary>
    /// <remarks>
    /// <para>At most <paramref name="maxConcurrency"/> hook listings are in flight at once (each sends its pages one
    /// after the other), so at most that many requests; the requests that produce <paramref name="runs"/> (for
    /// example a <see cref="ILakeFsActionsClient.ListRunsAsync"/> listing) are not counted.</para>
    /// <para>Fetching runs ahead of the consumer, but never more than <paramref name="maxConcurrency"/> runs past the
    /// one last yielded: memory stays bounded however long the stream is, and a consumer that stops pulling stops
    /// the fetching.</para>
    /// <para>Errors come in order: when the hooks of a run cannot be fetched (a <see cref="LakeFsApiException"/>,
    /// after the client's retries), every earlier run is yielded first, then the error is thrown; the same holds for
    /// an error of <paramref name="runs"/> itself. Stopping the enumeration, an error or cancellation cancels the
    /// fetches still in flight and waits for them before returning.</para>
    /// </remarks>
    /// <param name="client">The client.</param>
    /// <param name="repository">Repository id the runs belong to.</param>
    /// <param name="runs">The runs, e.g. from <see cref="ILakeFsActionsClient.ListRunsAsync"/>; read once, as the result is enumerated.</param>
    /// <param name="maxConcurrency">How many runs' hooks are fetched at once, at least 1 (1 fetches one after the other).</param>
    /// <param name="cancellationToken">Cancels the enumeration and every fetch in flight.</param>
    /// <returns>Each run with all of its hook runs, in the order of <paramref name="runs"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> or <paramref name="runs"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="repository"/> is null, empty, whitespace, <c>.</c> or <c>..</c>; or (during enumeration) <paramref name="runs"/> yields null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxConcurrency"/> is less than 1.</exception>
    /// <exception cref="LakeFsApiException">(During enumeration) the hooks of a run could not be fetched.</exception>
    public static IAsyncEnumerable<RunWithHooks> ListHooksAsync(
        this ILakeFsActionsClient client,
        string repository,
        IAsyncEnumerable<ActionRun> runs,
        int maxConcurrency,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        LakeFsId.ThrowIfInvalid(repository, nameof(repository));
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        return ListHooksCoreAsync(client, repository, runs, maxConcurrency, cancellationToken);
    }

    private static async IAsyncEnumerable<RunWithHooks> ListHooksCoreAsync(
        ILakeFsActionsClient client,
        string repository,
        IAsyncEnumerable<ActionRun> runs,
        int maxConcurrency,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        // The fetches started and not yet yielded, oldest first: at most maxConcurrency, so at most that many in flight.
        var ahead = new Queue<Task<RunWithHooks>>(maxConcurrency);
        var source = runs.GetAsyncEnumerator(stop.Token);
        Exception? sourceError = null;
        var sourceDone = false;
        try
        {
            while (true)
            {
                while (!sourceDone && ahead.Count < maxConcurrency)
                {
                    try
                    {
                        if (!await source.MoveNextAsync().ConfigureAwait(false))
                        {
                            sourceDone = true;
                            break;
                        }
                    }
                    catch (Exception error)
                    {
                        // Yield what was fetched before the stream failed, then report its error in its place.
                        sourceError = error;
                        sourceDone = true;
                        break;
                    }

                    if (source.Current is not { } run)
                    {
                        sourceError = new ArgumentException("The stream of runs yielded null.", nameof(runs));
                        sourceDone = true;
                        break;
                    }

                    ahead.Enqueue(FetchAsync(client, repository, run, stop.Token));
                }

                if (ahead.Count == 0)
                {
                    break;
                }

                yield return await ahead.Dequeue().ConfigureAwait(false);
            }

            if (sourceError is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(sourceError).Throw();
            }
        }
        finally
        {
            // Early stop, an error or cancellation: no fetch outlives the enumeration.
            if (ahead.Count > 0)
            {
                await stop.CancelAsync().ConfigureAwait(false);
                foreach (var pending in ahead)
                {
                    try
                    {
                        await pending.ConfigureAwait(false);
                    }
                    catch (Exception)
                    {
                        // Cancelled or failed after the enumeration ended: nobody is left to report it to.
                    }
                }
            }

            await source.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task<RunWithHooks> FetchAsync(ILakeFsActionsClient client, string repository, ActionRun run, CancellationToken cancellationToken)
    {
        var hooks = new List<HookRun>();
        await foreach (var hook in client.ListRunHooksAsync(repository, run.RunId, cancellationToken).ConfigureAwait(false))
        {
            hooks.Add(hook);
        }

        return new RunWithHooks(run, hooks);
    }
}
