using System.Globalization;
using System.Text.Json;
using LakeFs.Actions.Client.Testing;

namespace LakeFs.Actions.Client.Benchmarks.Wire;

/// <summary>
/// A repository's run listing as lakeFS sends it, serialized once into UTF-8 pages: xid-like 20-character
/// run ids sorted newest first, 64-hex commit ids, RFC 3339 times with nanoseconds (Go's RFC3339Nano, trailing
/// zeros trimmed), and the <c>pagination</c> block with <c>has_more</c>, <c>next_offset</c> (the last id of the
/// page), <c>results</c> and <c>max_per_page</c>.
/// </summary>
internal sealed class RunListPages
{
    private const string Base32Hex = "0123456789abcdefghijklmnopqrstuv";
    private static readonly string[] Branches = ["main", "dev", "feature-x"];
    private static readonly string[] Events = ["pre-commit", "post-commit", "pre-merge", "post-merge"];

    private readonly byte[][] _pages;
    private readonly Dictionary<string, int> _pageAfterCursor = new(StringComparer.Ordinal);

    public RunListPages(int runCount, int pageSize)
    {
        RunCount = runCount;
        PageSize = pageSize;
        var newest = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        var pageCount = (runCount + pageSize - 1) / pageSize;
        _pages = new byte[pageCount][];
        var ids = new string[runCount];
        for (var i = 0; i < runCount; i++)
        {
            ids[i] = RunId(newest.AddSeconds(-i), sequence: runCount - i);
        }

        for (var page = 0; page < pageCount; page++)
        {
            var first = page * pageSize;
            var last = Math.Min(first + pageSize, runCount) - 1;
            var hasMore = last < runCount - 1;
            _pages[page] = WritePage(ids, first, last, hasMore, newest, pageSize);
            if (page > 0)
            {
                _pageAfterCursor.Add(ids[first - 1], page);
            }
        }

        FirstRunId = ids[0];
        LastRunId = ids[^1];
    }

    public int RunCount { get; }

    public int PageSize { get; }

    public int PageCount => _pages.Length;

    public string FirstRunId { get; }

    public string LastRunId { get; }

    public long TotalBytes => _pages.Sum(static p => (long)p.Length);

    /// <summary>The page that follows <paramref name="after"/> (the first page for null), or null for an unknown cursor.</summary>
    public byte[]? PageAfter(string? after) =>
        after is null ? _pages[0] : _pageAfterCursor.TryGetValue(after, out var index) ? _pages[index] : null;

    private static byte[] WritePage(string[] ids, int first, int last, bool hasMore, DateTimeOffset newest, int maxPerPage)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("pagination");
            json.WriteBoolean("has_more", hasMore);
            json.WriteString("next_offset", hasMore ? ids[last] : string.Empty);
            json.WriteNumber("results", last - first + 1);
            json.WriteNumber("max_per_page", Math.Max(maxPerPage, 1000));
            json.WriteEndObject();
            json.WriteStartArray("results");
            for (var i = first; i <= last; i++)
            {
                var start = newest.AddSeconds(-i);
                var nanos = (int)((i * 7_919_417L + 123_456_789L) % 1_000_000_000L);
                json.WriteStartObject();
                json.WriteString("run_id", ids[i]);
                json.WriteString("branch", Branches[i % Branches.Length]);
                json.WriteString("start_time", Rfc3339Nano(start, nanos));
                json.WriteString("end_time", Rfc3339Nano(start.AddMilliseconds(250 + (i % 7) * 100), (nanos + 417_003) % 1_000_000_000));
                json.WriteString("event_type", Events[i % Events.Length]);
                json.WriteString("status", i % 10 == 9 ? "failed" : "completed");
                json.WriteString("commit_id", BulkRuns.CommitId(i));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>20 base32hex characters like an xid; a later start time sorts first.</summary>
    private static string RunId(DateTimeOffset start, int sequence) => string.Create(20, (DateTime.MaxValue.Ticks - start.UtcTicks, (long)sequence), static (chars, state) =>
    {
        Encode(state.Item1, chars[..13]);
        Encode(state.Item2, chars[13..]);
    });

    private static void Encode(long value, Span<char> destination)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = Base32Hex[(int)(value & 31)];
            value >>= 5;
        }
    }

    private static string Rfc3339Nano(DateTimeOffset time, int nanos)
    {
        var seconds = time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        if (nanos == 0)
        {
            return seconds + "Z";
        }

        return seconds + "." + nanos.ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0') + "Z";
    }
}
