namespace LakeFs.Actions.Cli;

/// <summary>
/// An error with advice for the user (e.g. "add --exist-ok"): reported as the inner error's message followed by
/// <see cref="Exception.Message"/>, with the inner error's exit code.
/// </summary>
internal sealed class HintedException : Exception
{
    public HintedException(string hint, Exception innerException)
        : base(hint, innerException)
    {
    }

    public HintedException(string message)
        : base(message)
    {
    }

    public HintedException()
    {
    }
}
