using LakeFs.Actions.Client;

namespace LakeFs.Actions.Samples.Audit.Html;

/// <summary>
/// The runs grouped into equal time buckets by their start time, counted by status: the data of the "runs over
/// time" chart. The bucket size is the smallest of a list of round sizes that keeps the chart at
/// <see cref="MaxBuckets"/> bars or fewer; buckets without runs are kept, so the time axis is even.
/// </summary>
internal sealed record RunTimeline(TimeSpan BucketSize, IReadOnlyList<TimeBucket> Buckets, IReadOnlyList<string> Statuses)
{
    public const int MaxBuckets = 24;

    private static readonly TimeSpan[] Sizes =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(3), TimeSpan.FromHours(6), TimeSpan.FromHours(12),
        TimeSpan.FromDays(1), TimeSpan.FromDays(2), TimeSpan.FromDays(7), TimeSpan.FromDays(14), TimeSpan.FromDays(30),
        TimeSpan.FromDays(91), TimeSpan.FromDays(365),
    ];

    public static RunTimeline Of(IReadOnlyCollection<ActionRun> runs)
    {
        var statuses = OrderStatuses(runs.Select(r => r.Status.Value));
        if (runs.Count == 0)
        {
            return new RunTimeline(Sizes[0], [], statuses);
        }

        var first = runs.Min(r => r.StartTime);
        var last = runs.Max(r => r.StartTime);
        var size = Sizes.FirstOrDefault(s => BucketIndex(last, Floor(first, s), s) < MaxBuckets, Sizes[^1]);
        var origin = Floor(first, size);
        var count = (int)Math.Min(BucketIndex(last, origin, size) + 1, 1000);
        var buckets = Enumerable.Range(0, count).Select(i => new Dictionary<string, int>(StringComparer.Ordinal)).ToList();
        foreach (var run in runs)
        {
            var counts = buckets[(int)Math.Min(BucketIndex(run.StartTime, origin, size), count - 1)];
            counts[run.Status.Value] = counts.GetValueOrDefault(run.Status.Value) + 1;
        }

        return new RunTimeline(
            size,
            [.. buckets.Select((counts, i) => new TimeBucket(origin + size * i, counts))],
            statuses);
    }

    /// <summary>completed, failed, then any other status in alphabetical order.</summary>
    public static IReadOnlyList<string> OrderStatuses(IEnumerable<string> statuses) =>
        [.. statuses.Distinct(StringComparer.Ordinal).OrderBy(s => s switch { "completed" => 0, "failed" => 1, _ => 2 }).ThenBy(s => s, StringComparer.Ordinal)];

    private static long BucketIndex(DateTimeOffset time, DateTimeOffset origin, TimeSpan size) => (time - origin).Ticks / size.Ticks;

    private static DateTimeOffset Floor(DateTimeOffset time, TimeSpan size)
    {
        var utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % size.Ticks), TimeSpan.Zero);
    }
}

/// <summary>One bucket of the timeline: its start and the number of runs of each status that started in it.</summary>
internal sealed record TimeBucket(DateTimeOffset Start, IReadOnlyDictionary<string, int> Counts)
{
    public int Total => Counts.Values.Sum();
}
