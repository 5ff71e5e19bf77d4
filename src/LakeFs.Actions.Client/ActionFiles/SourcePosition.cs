namespace LakeFs.Actions.Client;

/// <summary>A place in an action file: 1-based line and column, as editors and compilers count them.</summary>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The 1-based column.</param>
public readonly record struct SourcePosition(int Line, int Column)
{
    /// <summary>The start of a file (line 1, column 1).</summary>
    public static SourcePosition Start { get; } = new(1, 1);

    /// <summary>Formats the position as <c>line:column</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Line}:{Column}";
}
