namespace LakeFs.Actions.Client;

/// <summary>What one attempt of a call got: the value, or the server's failed answer (never an exception for a status).</summary>
internal interface ILakeFsAttempt
{
    /// <summary>The failed answer; null when the attempt succeeded.</summary>
    LakeFsFailure? Failure { get; }
}

/// <summary>One attempt's outcome with its value.</summary>
/// <typeparam name="T">The call's result.</typeparam>
internal sealed class LakeFsAttempt<T> : ILakeFsAttempt
{
    private LakeFsAttempt(T value, LakeFsFailure? failure)
    {
        Value = value;
        Failure = failure;
    }

    /// <summary>The result; default when the attempt failed.</summary>
    public T Value { get; }

    /// <inheritdoc />
    public LakeFsFailure? Failure { get; }

    public static LakeFsAttempt<T> Succeeded(T value) => new(value, null);

    public static LakeFsAttempt<T> Failed(LakeFsFailure failure) => new(default!, failure);
}
