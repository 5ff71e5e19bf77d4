namespace LakeFs.Actions.Client;

/// <summary>A dump or restore task ended with an error (its status read <c>done</c> with <c>error</c>).</summary>
public class RepositoryTaskFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="repository">Repository id.</param>
    /// <param name="taskId">Task id.</param>
    /// <param name="error">The task's error text, as the server sent it.</param>
    public RepositoryTaskFailedException(string repository, string taskId, string error)
        : base($"Task {taskId} of repository '{repository}' failed: {ErrorText.Snippet(error)}")
    {
        Repository = repository;
        TaskId = taskId;
        Error = error;
    }

    /// <summary>Creates an exception with a message only.</summary>
    public RepositoryTaskFailedException()
        : this("(unknown)", "(unknown)", "(unknown)")
    {
    }

    /// <summary>Creates an exception with a message only.</summary>
    /// <param name="message">What went wrong.</param>
    public RepositoryTaskFailedException(string message)
        : this(message, null!)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public RepositoryTaskFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Repository = TaskId = Error = string.Empty;
    }

    /// <summary>Repository id.</summary>
    public string Repository { get; }

    /// <summary>Task id (<c>DR...</c> for a dump, <c>RR...</c> for a restore).</summary>
    public string TaskId { get; }

    /// <summary>The task's error text, as the server sent it (e.g. <c>read-only repository</c>).</summary>
    public string Error { get; }
}
