using System.Text;

namespace LakeFs.Actions.Client;

/// <summary>
/// Shell-style glob matching with the semantics of Go's <c>path.Match</c>, which lakeFS uses for
/// <c>branches</c>: <c>*</c> (any run of characters but <c>/</c>; <c>**</c> is the same), <c>?</c> (one
/// character but <c>/</c>), <c>[a-c]</c>, <c>[^a]</c> (negated class), <c>\x</c> (literal x); the whole name
/// must match, case-sensitively, byte by byte on UTF-8. A malformed pattern gives Go's
/// <c>syntax error in pattern</c> (<see cref="BadPatternMessage"/>), found when the match reaches it, as Go does.
/// </summary>
public static class GoPathPattern
{
    /// <summary>The text of Go's <c>path.ErrBadPattern</c>.</summary>
    public const string BadPatternMessage = "syntax error in pattern";

    /// <summary>Matches <paramref name="name"/> against <paramref name="pattern"/> as Go's <c>path.Match</c> does.</summary>
    /// <param name="pattern">The glob.</param>
    /// <param name="name">The name (a branch id).</param>
    /// <param name="matched">Whether the name matches; false when the pattern is malformed.</param>
    /// <returns>False when Go would return <c>ErrBadPattern</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static bool TryMatch(string pattern, string name, out bool matched)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(name);
        var result = Match(Encoding.UTF8.GetBytes(pattern), Encoding.UTF8.GetBytes(name));
        matched = result == Outcome.Match;
        return result != Outcome.BadPattern;
    }

    /// <summary>Whether the pattern is well formed (Go's <c>path.Match</c> returns no error for it on any name).</summary>
    /// <param name="pattern">The glob.</param>
    /// <returns>True when valid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pattern"/> is null.</exception>
    public static bool IsValid(string pattern) => TryMatch(pattern, string.Empty, out _);

    private enum Outcome
    {
        NoMatch,
        Match,
        BadPattern,
    }

    private static Outcome Match(ReadOnlySpan<byte> pattern, ReadOnlySpan<byte> name)
    {
    NextChunk:
        while (pattern.Length > 0)
        {
            var star = ScanChunk(ref pattern, out var chunk);
            if (star && chunk.Length == 0)
            {
                // A trailing star matches the rest unless it holds a '/'.
                return name.IndexOf((byte)'/') < 0 ? Outcome.Match : Outcome.NoMatch;
            }

            var chunkResult = MatchChunk(chunk, name, out var rest);
            if (chunkResult == Outcome.Match && (rest.Length == 0 || pattern.Length > 0))
            {
                name = rest;
                continue;
            }

            if (chunkResult == Outcome.BadPattern)
            {
                return Outcome.BadPattern;
            }

            if (star)
            {
                for (var i = 0; i < name.Length && name[i] != '/'; i++)
                {
                    var skipped = MatchChunk(chunk, name[(i + 1)..], out var afterSkip);
                    if (skipped == Outcome.Match)
                    {
                        if (pattern.Length == 0 && afterSkip.Length > 0)
                        {
                            continue;
                        }

                        name = afterSkip;
                        goto NextChunk;
                    }

                    if (skipped == Outcome.BadPattern)
                    {
                        return Outcome.BadPattern;
                    }
                }
            }

            // No match: the rest of the pattern must still be well formed.
            while (pattern.Length > 0)
            {
                ScanChunk(ref pattern, out var remaining);
                if (MatchChunk(remaining, ReadOnlySpan<byte>.Empty, out _) == Outcome.BadPattern)
                {
                    return Outcome.BadPattern;
                }
            }

            return Outcome.NoMatch;
        }

        return name.Length == 0 ? Outcome.Match : Outcome.NoMatch;
    }

    /// <summary>Splits off leading stars and the chunk up to the next star outside a class.</summary>
    private static bool ScanChunk(ref ReadOnlySpan<byte> pattern, out ReadOnlySpan<byte> chunk)
    {
        var star = false;
        while (pattern.Length > 0 && pattern[0] == '*')
        {
            pattern = pattern[1..];
            star = true;
        }

        var inRange = false;
        var i = 0;
        for (; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\')
            {
                if (i + 1 < pattern.Length)
                {
                    i++;
                }
            }
            else if (c == '[')
            {
                inRange = true;
            }
            else if (c == ']')
            {
                inRange = false;
            }
            else if (c == '*' && !inRange)
            {
                break;
            }
        }

        chunk = pattern[..i];
        pattern = pattern[i..];
        return star;
    }

    /// <summary>Matches one chunk at the start of <paramref name="s"/>; keeps checking the chunk's syntax after a mismatch.</summary>
    private static Outcome MatchChunk(scoped ReadOnlySpan<byte> chunk, ReadOnlySpan<byte> s, out ReadOnlySpan<byte> rest)
    {
        rest = default;
        var failed = false;
        while (chunk.Length > 0)
        {
            if (!failed && s.Length == 0)
            {
                failed = true;
            }

            switch (chunk[0])
            {
                case (byte)'[':
                {
                    var r = 0;
                    if (!failed)
                    {
                        r = DecodeRune(s, out var width);
                        s = s[width..];
                    }

                    chunk = chunk[1..];
                    var negated = false;
                    if (chunk.Length > 0 && chunk[0] == '^')
                    {
                        negated = true;
                        chunk = chunk[1..];
                    }

                    var match = false;
                    var ranges = 0;
                    while (true)
                    {
                        if (chunk.Length > 0 && chunk[0] == ']' && ranges > 0)
                        {
                            chunk = chunk[1..];
                            break;
                        }

                        if (!GetEscaped(ref chunk, out var lo))
                        {
                            return Outcome.BadPattern;
                        }

                        var hi = lo;
                        if (chunk[0] == '-')
                        {
                            chunk = chunk[1..];
                            if (!GetEscaped(ref chunk, out hi))
                            {
                                return Outcome.BadPattern;
                            }
                        }

                        if (lo <= r && r <= hi)
                        {
                            match = true;
                        }

                        ranges++;
                    }

                    if (match == negated)
                    {
                        failed = true;
                    }

                    break;
                }

                case (byte)'?':
                    if (!failed)
                    {
                        if (s[0] == '/')
                        {
                            failed = true;
                        }

                        DecodeRune(s, out var width);
                        s = s[width..];
                    }

                    chunk = chunk[1..];
                    break;

                case (byte)'\\':
                    chunk = chunk[1..];
                    if (chunk.Length == 0)
                    {
                        return Outcome.BadPattern;
                    }

                    // The escaped byte matches literally, as any other byte does.
                    goto default;

                default:
                    if (!failed)
                    {
                        if (chunk[0] != s[0])
                        {
                            failed = true;
                        }

                        s = s[1..];
                    }

                    chunk = chunk[1..];
                    break;
            }
        }

        if (failed)
        {
            return Outcome.NoMatch;
        }

        rest = s;
        return Outcome.Match;
    }

    /// <summary>Reads one (possibly escaped) character of a class; false for Go's bad-pattern cases.</summary>
    private static bool GetEscaped(ref ReadOnlySpan<byte> chunk, out int rune)
    {
        rune = 0;
        if (chunk.Length == 0 || chunk[0] == '-' || chunk[0] == ']')
        {
            return false;
        }

        if (chunk[0] == '\\')
        {
            chunk = chunk[1..];
            if (chunk.Length == 0)
            {
                return false;
            }
        }

        var status = Rune.DecodeFromUtf8(chunk, out var decoded, out var width);
        var ok = status == System.Buffers.OperationStatus.Done;
        rune = ok ? decoded.Value : 0xFFFD;
        chunk = chunk[Math.Max(1, width)..];
        return ok && chunk.Length > 0;
    }

    private static int DecodeRune(ReadOnlySpan<byte> s, out int width)
    {
        var status = Rune.DecodeFromUtf8(s, out var decoded, out width);
        width = Math.Max(1, width);
        return status == System.Buffers.OperationStatus.Done ? decoded.Value : 0xFFFD;
    }
}
