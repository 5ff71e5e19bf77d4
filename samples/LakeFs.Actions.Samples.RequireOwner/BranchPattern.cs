namespace LakeFs.Actions.Samples.RequireOwner;

/// <summary>
/// A branch glob with Go <c>path.Match</c> semantics, as lakeFS matches the <c>branches:</c> of an action file:
/// <c>*</c> any run of characters but <c>/</c>, <c>?</c> one such character, <c>[...]</c> a class (ranges, <c>^</c>
/// negation), <c>\</c> escapes the next character; the whole name must match; case-sensitive. A malformed pattern is
/// refused when the service starts (lakeFS would answer 500 <c>syntax error in pattern</c>).
/// </summary>
public sealed class BranchPattern
{
    private readonly string _pattern;

    /// <summary>Creates a pattern.</summary>
    /// <param name="pattern">The glob.</param>
    /// <exception cref="ArgumentException">The pattern is empty or malformed (an unclosed <c>[</c>, a trailing <c>\</c>).</exception>
    public BranchPattern(string pattern)
    {
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        if (Problem(pattern) is { } problem)
        {
            throw new ArgumentException($"Branch pattern '{pattern}' is not a valid glob: {problem}.", nameof(pattern));
        }

        _pattern = pattern;
    }

    /// <summary>True when <paramref name="branch"/> matches the whole pattern.</summary>
    public bool Matches(string branch)
    {
        int p = 0, n = 0, starP = -1, starN = 0;
        while (n < branch.Length)
        {
            if (p < _pattern.Length)
            {
                var c = _pattern[p];
                if (c == '*')
                {
                    while (p < _pattern.Length && _pattern[p] == '*')
                    {
                        p++;
                    }

                    starP = p;
                    starN = n;
                    continue;
                }

                if (c == '?' && branch[n] != '/')
                {
                    p++;
                    n++;
                    continue;
                }

                if (c == '[')
                {
                    if (MatchClass(p, branch[n], out var next))
                    {
                        p = next;
                        n++;
                        continue;
                    }
                }
                else if (c == '\\')
                {
                    if (branch[n] == _pattern[p + 1])
                    {
                        p += 2;
                        n++;
                        continue;
                    }
                }
                else if (c != '?' && c == branch[n])
                {
                    p++;
                    n++;
                    continue;
                }
            }

            // Let the last star take one more character (never a '/'), and try again from there.
            if (starP >= 0 && branch[starN] != '/')
            {
                starN++;
                n = starN;
                p = starP;
                continue;
            }

            return false;
        }

        while (p < _pattern.Length && _pattern[p] == '*')
        {
            p++;
        }

        return p == _pattern.Length;
    }

    /// <summary>The pattern.</summary>
    public override string ToString() => _pattern;

    private bool MatchClass(int open, char c, out int next) => ClassMatches(_pattern, open, c, out next) == true;

    /// <summary>Whether <paramref name="c"/> is in the class opening at <paramref name="open"/>; null when the class is malformed (Go's ErrBadPattern).</summary>
    private static bool? ClassMatches(string pattern, int open, char c, out int next)
    {
        next = open;
        var i = open + 1;
        var negated = i < pattern.Length && pattern[i] == '^';
        if (negated)
        {
            i++;
        }

        var matched = false;
        var count = 0;
        while (true)
        {
            if (i >= pattern.Length)
            {
                return null;
            }

            if (pattern[i] == ']' && count > 0)
            {
                next = i + 1;
                return matched != negated;
            }

            if (!ClassCharacter(pattern, ref i, out var lo))
            {
                return null;
            }

            var hi = lo;
            if (i < pattern.Length && pattern[i] == '-')
            {
                i++;
                if (!ClassCharacter(pattern, ref i, out hi))
                {
                    return null;
                }
            }

            matched |= lo <= c && c <= hi;
            count++;
        }
    }

    private static bool ClassCharacter(string pattern, ref int i, out char c)
    {
        c = default;
        if (i >= pattern.Length || pattern[i] == '-' || pattern[i] == ']')
        {
            return false;
        }

        if (pattern[i] == '\\' && ++i >= pattern.Length)
        {
            return false;
        }

        c = pattern[i++];
        return true;
    }

    private static string? Problem(string pattern)
    {
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\')
            {
                if (++i >= pattern.Length)
                {
                    return "it ends with a lone '\\'";
                }
            }
            else if (pattern[i] == '[')
            {
                if (ClassMatches(pattern, i, '\0', out var next) is null)
                {
                    return "a character class '[...]' is empty, unclosed, or has a bare '-' or ']'";
                }

                i = next - 1;
            }
        }

        return null;
    }
}
