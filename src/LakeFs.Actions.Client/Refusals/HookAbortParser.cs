namespace LakeFs.Actions.Client;

/// <summary>
/// Reads lakeFS's hook-abort text (see <see cref="HookRefusal"/>) with ordinal searches only: no regular expression, no
/// backtracking, every search moves forward, so the cost is linear in the (bounded) length of the text.
/// </summary>
internal static class HookAbortParser
{
    private const string Marker = " hook aborted, run id '";
    private const string UpdateBranch = "update branch";
    private const string HookItem = "hook run id '";
    private const string FailedOnAction = "' failed on action '";
    private const string HookPart = "' hook '";
    private const string ParsingFile = "parsing file ";
    private const string LoadingFile = "loading file ";
    private const string ActionFailed = "action failed: ";
    private const string ExactSeparator = "\n\t* ";
    private const string CollapsedSeparator = " * ";
    private const int MaxFieldLength = 4096;
    private const int MaxIdLength = 256;

    /// <summary>Reads <paramref name="message"/>; null when it is not a hook abort.</summary>
    /// <param name="message">The text.</param>
    /// <param name="collapsedAndCut">The text is the client's bounded snippet: whitespace collapsed to single spaces, cut with <c>...</c>.</param>
    /// <param name="statusCode">The status lakeFS answered, when known (from an exception); a 412 means a hook ran and failed, whatever a cut text still shows.</param>
    public static HookRefusal? Parse(string message, bool collapsedAndCut, int? statusCode = null)
    {
        var parts = new HookAbortParts { StatusCode = statusCode };
        var text = message;
        if (text.Length > HookRefusal.MaxMessageLength)
        {
            text = text[..HookRefusal.MaxMessageLength];
            parts.IsTruncated = true;
        }

        parts.Message = text;
        text = text.TrimEnd();
        if (collapsedAndCut && text.EndsWith("...", StringComparison.Ordinal))
        {
            text = text[..^3];
            parts.IsTruncated = true;
        }

        string cause;
        var marker = text.IndexOf(Marker, StringComparison.Ordinal);
        if (marker >= 0)
        {
            ReadHead(text[..marker], parts);
            var idStart = marker + Marker.Length;
            var idEnd = text.IndexOf('\'', idStart);
            if (idEnd < 0)
            {
                parts.RunId = idStart < text.Length ? Bound(text[idStart..], MaxIdLength) : null;
                parts.IsTruncated = true;
                cause = string.Empty;
            }
            else
            {
                parts.RunId = Bound(text[idStart..idEnd], MaxIdLength);
                var rest = idEnd + 1;
                rest += text.AsSpan(rest).StartsWith(": ", StringComparison.Ordinal) ? 2 : text.AsSpan(rest).StartsWith(":", StringComparison.Ordinal) ? 1 : 0;
                cause = text[rest..];
            }
        }
        else
        {
            parts.IsLegacy = true;
            cause = text;
        }

        parts.Cause = cause;
        ReadCause(cause, collapsedAndCut, parts);
        if (parts.IsLegacy && parts.FailedHooks.Count == 0 && parts.BrokenFiles.Count == 0)
        {
            return null; // no marker and nothing that looks like a hook or action-file error: not a hook abort
        }

        return new HookRefusal(parts);
    }

    private static void ReadHead(string head, HookAbortParts parts)
    {
        var lastSpace = head.LastIndexOf(' ');
        var eventType = lastSpace >= 0 ? head[(lastSpace + 1)..] : head;
        parts.EventType = eventType.Length > 0 ? Bound(eventType, MaxIdLength) : null;
        var before = lastSpace >= 0 ? head[..lastSpace] : string.Empty;
        if (!before.EndsWith(':'))
        {
            return;
        }

        before = before[..^1];
        var update = before.LastIndexOf(UpdateBranch, StringComparison.Ordinal);
        if (update < 0)
        {
            return;
        }

        var after = before[(update + UpdateBranch.Length)..];
        if (after.Length == 0)
        {
            parts.Prefix = HookRefusalPrefix.UpdateBranch;
        }
        else if (after[0] == ' ' && after.Length > 1 && !after.AsSpan(1).Contains(' '))
        {
            parts.Prefix = HookRefusalPrefix.UpdateBranchWithDestination;
            parts.Destination = Bound(after[1..], MaxIdLength);
        }
    }

    private static void ReadCause(string cause, bool collapsed, HookAbortParts parts)
    {
        List<string> items;
        if (TryReadHeader(cause, out var declared, out var bodyStart))
        {
            parts.DeclaredErrorCount = declared;
            var body = cause[bodyStart..];
            var separator = body.StartsWith(ExactSeparator, StringComparison.Ordinal) ? ExactSeparator
                : body.StartsWith(CollapsedSeparator, StringComparison.Ordinal) || (collapsed && body.StartsWith('*')) ? CollapsedSeparator
                : null;
            if (separator is null)
            {
                items = body.Trim().Length > 0 ? [body.Trim()] : [];
            }
            else
            {
                if (body[0] == '*')
                {
                    body = " " + body;
                }

                // Items split where the next one starts like a known item; when that does not give the declared count
                // (items of other shapes), split at every separator instead, and keep whichever agrees with the count.
                items = Split(body, separator, knownStartsOnly: true, out var cut);
                if (items.Count != declared)
                {
                    var everywhere = Split(body, separator, knownStartsOnly: false, out var cutEverywhere);
                    if (everywhere.Count == declared)
                    {
                        items = everywhere;
                        cut = cutEverywhere;
                    }
                }

                parts.IsTruncated |= cut;
            }

            if (items.Count != declared && !parts.IsTruncated)
            {
                parts.IsAmbiguous = true;
            }
        }
        else
        {
            items = cause.Length > 0 ? [cause] : [];
        }

        for (var i = 0; i < items.Count; i++)
        {
            ReadItem(items[i], lastOfCut: parts.IsTruncated && i == items.Count - 1, parts);
        }
    }

    private static bool TryReadHeader(string cause, out int declared, out int bodyStart)
    {
        declared = 0;
        bodyStart = 0;
        var digits = 0;
        while (digits < cause.Length && digits < 9 && char.IsAsciiDigit(cause[digits]))
        {
            declared = (declared * 10) + (cause[digits] - '0');
            digits++;
        }

        if (digits == 0)
        {
            return false;
        }

        var rest = cause.AsSpan(digits);
        foreach (var header in (ReadOnlySpan<string>)[" error occurred:", " errors occurred:"])
        {
            if (rest.StartsWith(header, StringComparison.Ordinal))
            {
                bodyStart = digits + header.Length;
                return true;
            }
        }

        return false;
    }

    private static List<string> Split(string body, string separator, bool knownStartsOnly, out bool cut)
    {
        var items = new List<string>();
        cut = false;
        var start = separator.Length;
        var searchFrom = start;
        while (true)
        {
            var next = searchFrom < body.Length ? body.IndexOf(separator, searchFrom, StringComparison.Ordinal) : -1;
            if (next < 0)
            {
                items.Add(body[start..].TrimEnd('\n'));
                break;
            }

            var after = next + separator.Length;
            if (!knownStartsOnly || StartsLikeAnItem(body, after))
            {
                items.Add(body[start..next]);
                start = after;
                if (items.Count >= HookRefusal.MaxItems)
                {
                    cut = true;
                    break;
                }
            }

            searchFrom = after;
        }

        return items;
    }

    private static bool StartsLikeAnItem(string text, int at)
    {
        var rest = text.AsSpan(at);
        return rest.StartsWith(HookItem, StringComparison.Ordinal)
            || rest.StartsWith(ParsingFile, StringComparison.Ordinal)
            || rest.StartsWith(LoadingFile, StringComparison.Ordinal);
    }

    private static void ReadItem(string item, bool lastOfCut, HookAbortParts parts)
    {
        if (item.StartsWith(HookItem, StringComparison.Ordinal))
        {
            if (ReadHookItem(item, lastOfCut, parts.IsLegacy) is { } failure)
            {
                parts.FailedHooks.Add(failure);
                return;
            }
        }
        else if (item.StartsWith(ParsingFile, StringComparison.Ordinal) || item.StartsWith(LoadingFile, StringComparison.Ordinal))
        {
            var couldNotRead = item.StartsWith(LoadingFile, StringComparison.Ordinal);
            var pathStart = ParsingFile.Length; // both prefixes have the same length
            var colon = item.IndexOf(": ", pathStart, StringComparison.Ordinal);
            var path = colon < 0 ? item[pathStart..] : item[pathStart..colon];
            var error = colon < 0 ? string.Empty : item[(colon + 2)..];
            parts.BrokenFiles.Add(new BrokenActionFile(Bound(path, MaxFieldLength), Bound(error, MaxFieldLength), couldNotRead));
            return;
        }

        parts.OtherErrors.Add(Bound(item, MaxFieldLength));
    }

    private static HookFailure? ReadHookItem(string item, bool lastOfCut, bool legacy)
    {
        var pos = HookItem.Length;
        var hookRunId = Until(item, ref pos, '\'');
        if (hookRunId is null || !Skip(item, ref pos, FailedOnAction))
        {
            // A cut item still gives its hook run id, the key to the run's listing.
            return lastOfCut && hookRunId is { Length: > 0 } ? new HookFailure(Bound(hookRunId, MaxIdLength), string.Empty, string.Empty, string.Empty, hookRan: true) : null;
        }

        var action = Until(item, ref pos, '\'');
        if (action is null || !Skip(item, ref pos, HookPart))
        {
            return lastOfCut ? new HookFailure(Bound(hookRunId, MaxIdLength), Bound(action ?? item[pos..], MaxIdLength), string.Empty, string.Empty, hookRan: true) : null;
        }

        var hook = Until(item, ref pos, '\'');
        if (hook is null)
        {
            return lastOfCut ? new HookFailure(Bound(hookRunId, MaxIdLength), Bound(action, MaxIdLength), Bound(item[pos..], MaxIdLength), string.Empty, hookRan: true) : null;
        }

        if (!Skip(item, ref pos, "': ") && !(lastOfCut && Skip(item, ref pos, "'")))
        {
            return null;
        }

        var rest = item[pos..];
        var ran = rest.StartsWith(ActionFailed, StringComparison.Ordinal);
        var cause = ran ? rest[ActionFailed.Length..] : rest;

        // Servers before v1.60 have no "action failed: " marker, and answered every abort 412; a cut item keeps its guess.
        var hookRan = ran || legacy || (lastOfCut && ActionFailed.StartsWith(rest, StringComparison.Ordinal));
        return new HookFailure(Bound(hookRunId, MaxIdLength), Bound(action, MaxIdLength), Bound(hook, MaxIdLength), Bound(cause, MaxFieldLength), hookRan);
    }

    private static string? Until(string text, ref int pos, char end)
    {
        var at = text.IndexOf(end, pos);
        if (at < 0)
        {
            return null;
        }

        var value = text[pos..at];
        pos = at;
        return value;
    }

    private static bool Skip(string text, ref int pos, string literal)
    {
        if (!text.AsSpan(pos).StartsWith(literal, StringComparison.Ordinal))
        {
            return false;
        }

        pos += literal.Length;
        return true;
    }

    private static string Bound(string text, int maxLength) =>
        text.Length <= maxLength ? text : string.Concat(text.AsSpan(0, maxLength), "...");
}
