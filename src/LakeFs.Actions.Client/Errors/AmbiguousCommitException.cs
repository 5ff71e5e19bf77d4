namespace LakeFs.Actions.Client;

/// <summary>
/// <see cref="RunQuery.Commit"/> is an abbreviated commit id that starts more than one commit id with action runs,
/// so it does not say which commit is meant (git's "short object ID is ambiguous"). Give more characters, or the
/// full id. Thrown when the listing is enumerated, before any run is yielded.
/// </summary>
public sealed class AmbiguousCommitException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="abbreviation"/> and the commit ids it matched.</summary>
    /// <param name="abbreviation">The abbreviated commit id the caller gave.</param>
    /// <param name="candidates">Commit ids that start with it, as found (the message names the first three).</param>
    public AmbiguousCommitException(string abbreviation, IReadOnlyList<string> candidates)
        : base(Describe(abbreviation, candidates), "query")
    {
        Abbreviation = abbreviation;
        Candidates = candidates;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public AmbiguousCommitException()
        : this("The abbreviated commit id is ambiguous.")
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">What went wrong.</param>
    public AmbiguousCommitException(string message)
        : this(message, innerException: null)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public AmbiguousCommitException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Abbreviation = string.Empty;
        Candidates = [];
    }

    /// <summary>The abbreviated commit id that matched several commits.</summary>
    public string Abbreviation { get; }

    /// <summary>Commit ids that start with <see cref="Abbreviation"/> and have runs, in commit id order (those the client saw).</summary>
    public IReadOnlyList<string> Candidates { get; }

    private static string Describe(string abbreviation, IReadOnlyList<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(abbreviation);
        ArgumentNullException.ThrowIfNull(candidates);
        const int Shown = 3;
        var names = string.Join(", ", candidates.Take(Shown));
        var more = candidates.Count > Shown ? $" and {candidates.Count - Shown} more" : string.Empty;
        return $"The commit id '{abbreviation}' is ambiguous: it is the start of several commit ids with runs ({names}{more}). Give more characters of the commit id.";
    }
}
