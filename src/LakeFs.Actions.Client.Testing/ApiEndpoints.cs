using Microsoft.AspNetCore.Http;

namespace LakeFs.Actions.Client.Testing;

/// <summary>Answers the read endpoints (list and get repository, runs, hooks, hook output) from the store, with lakeFS's semantics.</summary>
internal sealed class ApiEndpoints
{
    private readonly EmulatorStore _store;

    public ApiEndpoints(EmulatorStore store) => _store = store;

    public EmulatorResponse Answer(ApiRoute route, IQueryCollection query)
    {
        if (route.Operation == EmulatorOperations.ListRepositories)
        {
            return ListRepositories(query);
        }

        // Every other endpoint first checks that the repository exists and is not being deleted.
        if (_store.FindRepository(route.Repository!) is not { } repository)
        {
            return EmulatorResponse.Error(StatusCodes.Status404NotFound, "repository not found");
        }

        if (repository.InDeletion)
        {
            return EmulatorResponse.Error(StatusCodes.Status410Gone, "repository in deletion");
        }

        return route.Operation switch
        {
            EmulatorOperations.GetRepository => EmulatorResponse.Json(WireJson.Repository(repository)),
            EmulatorOperations.ListRepositoryRuns => ListRuns(repository, query),
            _ => AnswerForRun(repository, route, query),
        };
    }

    private EmulatorResponse AnswerForRun(RepositoryRecord repository, ApiRoute route, IQueryCollection query)
    {
        var run = _store.FindRun(repository, route.RunId!);
        if (route.Operation == EmulatorOperations.ListRunHooks)
        {
            // lakeFS scans the run's hook keys without looking the run up: an unknown run has no hooks, 200.
            return ListHooks(run?.Hooks ?? [], query);
        }

        if (run is null)
        {
            return EmulatorResponse.Error(StatusCodes.Status404NotFound, "run not found");
        }

        return route.Operation == EmulatorOperations.GetRun
            ? EmulatorResponse.Json(WireJson.Run(run))
            : HookOutput(run, route.HookRunId!);
    }

    private EmulatorResponse ListRepositories(IQueryCollection query)
    {
        if (!PageRequest.TryRead(query, out var page))
        {
            return InvalidAmount();
        }

        var items = _store.ListRepositories(query["prefix"].ToString(), page.After, query["search"].ToString(), page.Amount + 1);
        return EmulatorResponse.Json(WireJson.RepositoryList(Trim(items, page.Amount, out var hasMore), hasMore));
    }

    private EmulatorResponse ListRuns(RepositoryRecord repository, IQueryCollection query)
    {
        if (!PageRequest.TryRead(query, out var page))
        {
            return InvalidAmount();
        }

        var branch = query["branch"].ToString();
        var commit = query["commit"].ToString();
        if (branch.Length > 0 && commit.Length > 0)
        {
            return EmulatorResponse.Error(StatusCodes.Status400BadRequest, "parameters conflict");
        }

        var items = _store.ListRuns(repository, page.After, branch, commit, page.Amount + 1);
        return EmulatorResponse.Json(WireJson.RunList(Trim(items, page.Amount, out var hasMore), hasMore));
    }

    private static EmulatorResponse ListHooks(IReadOnlyList<HookRecord> hooks, IQueryCollection query)
    {
        if (!PageRequest.TryRead(query, out var page))
        {
            return InvalidAmount();
        }

        var items = hooks
            .Where(h => page.After is null || string.CompareOrdinal(h.HookRunId, page.After) > 0)
            .Take(page.Amount + 1)
            .ToList();
        return EmulatorResponse.Json(WireJson.HookList(Trim(items, page.Amount, out var hasMore), hasMore));
    }

    private static EmulatorResponse HookOutput(RunRecord run, string hookRunId)
    {
        if (run.FindHook(hookRunId) is not { } hook)
        {
            return EmulatorResponse.Error(StatusCodes.Status404NotFound, "hook run not found");
        }

        if (hook.IsSkipped)
        {
            return EmulatorResponse.EmptyOutput();
        }

        // The log object is missing from the object store (deleted, expired): lakeFS answers 410.
        return hook.Output.IsMissing
            ? EmulatorResponse.Error(StatusCodes.Status410Gone, "No data")
            : EmulatorResponse.HookOutput(hook.HookRunId, hook.Output);
    }

    /// <summary>Cuts the peeked extra item off a page and says whether there was one.</summary>
    private static List<T> Trim<T>(List<T> items, int amount, out bool hasMore)
    {
        hasMore = items.Count > amount;
        if (hasMore)
        {
            items.RemoveRange(amount, items.Count - amount);
        }

        return items;
    }

    private static EmulatorResponse InvalidAmount() =>
        EmulatorResponse.Error(StatusCodes.Status400BadRequest, "parameter \"amount\" in query has an error: value must be an integer");
}
