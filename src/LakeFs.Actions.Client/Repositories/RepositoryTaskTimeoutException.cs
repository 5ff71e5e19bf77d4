namespace LakeFs.Actions.Client;

/// <summary>
/// The client gave up waiting for a dump or restore task: it stopped making progress (its <c>update_time</c> did not
/// change for <see cref="TaskWaitOptions.StallTimeout"/>) or did not end within <see cref="TaskWaitOptions.Timeout"/>.
/// The task may still be running on the server; its status can be read with its <see cref="TaskId"/>.
/// </summary>
public class RepositoryTaskTimeoutException : TimeoutException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="repository">Repository id.</param>
    /// <param name="taskId">Task id.</param>
    /// <param name="stalled">True when the task stopped updating; false when the overall timeout passed.</param>
    /// <param name="limit">The limit that was reached.</param>
    /// <param name="lastUpdate">The task's last <c>update_time</c>.</param>
    public RepositoryTaskTimeoutException(string repository, string taskId, bool stalled, TimeSpan limit, DateTimeOffset lastUpdate)
        : base(stalled
            ? $"Task {taskId} of repository '{repository}' stopped making progress: its update time stayed {lastUpdate:O} for more than {limit}."
            : $"Task {taskId} of repository '{repository}' did not end within {limit} (last update {lastUpdate:O}).")
    {
        Repository = repository;
        TaskId = taskId;
        Stalled = stalled;
    }

    /// <summary>Creates an exception with a message only.</summary>
    public RepositoryTaskTimeoutException()
        : this("The repository task timed out.")
    {
    }

    /// <summary>Creates an exception with a message only.</summary>
    /// <param name="message">What went wrong.</param>
    public RepositoryTaskTimeoutException(string message)
        : this(message, null!)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public RepositoryTaskTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
        Repository = TaskId = string.Empty;
    }

    /// <summary>Repository id.</summary>
    public string Repository { get; }

    /// <summary>Task id.</summary>
    public string TaskId { get; }

    /// <summary>True when the task stopped updating; false when the overall timeout passed.</summary>
    public bool Stalled { get; }
}
