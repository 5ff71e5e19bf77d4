namespace LakeFs.Actions.Cli;

/// <summary>The command line or the configuration is wrong; exits with <see cref="ExitCodes.Usage"/>.</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public UsageException()
        : base("Invalid usage.")
    {
    }
}
