namespace LakeFs.Actions.Client;

/// <summary>Aliases expanded past the budget while decoding.</summary>
internal sealed class AliasBudgetExceededException(SourcePosition position) : Exception("yaml: document contains excessive aliasing")
{
    public SourcePosition Position { get; } = position;
}
