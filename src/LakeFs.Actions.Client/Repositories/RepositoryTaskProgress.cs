namespace LakeFs.Actions.Client;

/// <summary>One status read of a dump or restore task while the client waits for it.</summary>
public sealed class RepositoryTaskProgress
{
    /// <summary>Creates a progress report.</summary>
    /// <param name="repository">Repository id.</param>
    /// <param name="taskId">Task id (<c>DR...</c> for a dump, <c>RR...</c> for a restore).</param>
    /// <param name="done">Whether the task ended.</param>
    /// <param name="updateTime">When the task last made progress, by the server's clock.</param>
    /// <param name="elapsed">Time waited so far, by the client's clock.</param>
    public RepositoryTaskProgress(string repository, string taskId, bool done, DateTimeOffset updateTime, TimeSpan elapsed)
    {
        Repository = repository;
        TaskId = taskId;
        Done = done;
        UpdateTime = updateTime;
        Elapsed = elapsed;
    }

    /// <summary>Repository id.</summary>
    public string Repository { get; }

    /// <summary>Task id.</summary>
    public string TaskId { get; }

    /// <summary>Whether the task ended (successfully or not).</summary>
    public bool Done { get; }

    /// <summary>When the task last made progress, by the server's clock.</summary>
    public DateTimeOffset UpdateTime { get; }

    /// <summary>Time waited so far, by the client's clock.</summary>
    public TimeSpan Elapsed { get; }
}
