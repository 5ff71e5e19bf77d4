
namespace LakeFs.Actions.Client;

/// <summary>Asynchronous repository tasks: refs dump and restore.</summary>
public partial class LakeFsRepositoriesClient
{
    /// <inheritdoc />
    public virtual async Task<string> SubmitDumpAsync(string repository, CancellationToken cancellationToken = default)
    {
        LakeFsId.ThrowIfInvalid(repository, nameof(repository));
        var task = await Rest.DumpSubmitAsync(repository, cancellationToken).ConfigureAwait(false);
        return TaskId(task, LakeFsRestClient.Operations.DumpSubmit);
    }

    /// <inheritdoc />
    public virtual Task<RepositoryDumpStatus> GetDumpStatusAsync(string repository, string taskId, CancellationToken cancellationToken = default)
    {
        LakeFsId.ThrowIfInvalid(repository, nameof(repository));
        ArgumentException.ThrowIfNullOrEmpty(taskId);
        return Rest.DumpStatusAsync(repository, taskId, cancellationToken);
    }

    /// <inheritdoc />
    public virtual async Task<RefsDump> DumpAsync(string repository, TaskWaitOptions? options = null, CancellationToken cancellationToken = default)
    {
        LakeFsId.ThrowIfInvalid(repository, nameof(repository));
        options = ValidWaitOptions(options);
        var taskId = await SubmitDumpAsync(repository, cancellationToken).ConfigureAwait(false);
        RepositoryDumpStatus? last = null;
        await new RepositoryTaskWaiter(Clock).WaitAsync(
            repository,
            taskId,
            async ct =>
            {
                last = await GetDumpStatusAsync(repository, taskId, ct).ConfigureAwait(false);
                return new RepositoryTaskWaiter.Status(last.Done, last.Error, last.UpdateTime);
            },
            options,
            cancellationToken).ConfigureAwait(false);
        return last?.Refs ?? throw LakeFsErrors.IncompleteAnswer(200, LakeFsRestClient.Operations.DumpStatus, $"Dump task {taskId} of repository '{repository}' ended without error but its status has no refs.");
    }

    /// <inheritdoc />
    public virtual async Task<string> SubmitRestoreAsync(string repository, RefsDump refs, bool force = false, CancellationToken cancellationToken = default)
    {
        LakeFsId.ThrowIfInvalid(repository, nameof(repository));
        ArgumentNullException.ThrowIfNull(refs);
        if (string.IsNullOrEmpty(refs.CommitsMetaRangeId) || string.IsNullOrEmpty(refs.TagsMetaRangeId) || string.IsNullOrEmpty(refs.BranchesMetaRangeId))
        {
            throw new ArgumentException("The refs need all three meta range ids (commits, tags, branches).", nameof(refs));
        }

        var body = new RefsRestore
        {
            CommitsMetaRangeId = refs.CommitsMetaRangeId,
            TagsMetaRangeId = refs.TagsMetaRangeId,
            BranchesMetaRangeId = refs.BranchesMetaRangeId,
            Force = force ? true : null,
        };
        var operation = LakeFsRestClient.Operations.RestoreSubmit;
        TaskInfo task;
        try
        {
            task = await Rest.RestoreSubmitAsync(repository, body, cancellationToken).ConfigureAwait(false);
        }
        catch (LakeFsApiException error) when (error.StatusCode == 400 && error.ServerMessage?.Contains("bare", StringComparison.OrdinalIgnoreCase) == true)
        {
            throw LakeFsErrors.Restated(error, $"Repository '{repository}' is not bare: lakeFS restores refs only into a bare repository (one created with Bare = true that has no commits).");
        }

        return TaskId(task, operation);
    }

    /// <inheritdoc />
    public virtual Task<RepositoryRestoreStatus> GetRestoreStatusAsync(string repository, string taskId, CancellationToken cancellationToken = default)
    {
        LakeFsId.ThrowIfInvalid(repository, nameof(repository));
        ArgumentException.ThrowIfNullOrEmpty(taskId);
        return Rest.RestoreStatusAsync(repository, taskId, cancellationToken);
    }

    /// <inheritdoc />
    public virtual async Task RestoreAsync(string repository, RefsDump refs, bool force = false, TaskWaitOptions? options = null, CancellationToken cancellationToken = default)
    {
        LakeFsId.ThrowIfInvalid(repository, nameof(repository));
        options = ValidWaitOptions(options);
        var taskId = await SubmitRestoreAsync(repository, refs, force, cancellationToken).ConfigureAwait(false);
        await new RepositoryTaskWaiter(Clock).WaitAsync(
            repository,
            taskId,
            async ct =>
            {
                var status = await GetRestoreStatusAsync(repository, taskId, ct).ConfigureAwait(false);
                return new RepositoryTaskWaiter.Status(status.Done, status.Error, status.UpdateTime);
            },
            options,
            cancellationToken).ConfigureAwait(false);
    }

    private static TaskWaitOptions ValidWaitOptions(TaskWaitOptions? options)
    {
        options = (options ?? new TaskWaitOptions()).Clone();
        options.Validate(nameof(options));
        return options;
    }

    private static string TaskId(TaskInfo task, LakeFsOperation operation) =>
        string.IsNullOrEmpty(task.Id)
            ? throw LakeFsErrors.IncompleteAnswer(202, operation, "The server started a task but sent no task id.")
            : task.Id;
}
