using System.Text.Json.Serialization;

namespace LakeFs.Actions.Client.Benchmarks.Baselines;

/// <summary>A run page as plain records, for System.Text.Json's source generator (baseline b).</summary>
internal sealed record PlainRunList(PlainPagination Pagination, List<PlainRun> Results);

internal sealed record PlainPagination(bool HasMore, string NextOffset, int Results, int MaxPerPage);

internal sealed record PlainRun(string RunId, string Branch, string CommitId, string EventType, DateTimeOffset StartTime, DateTimeOffset EndTime, string Status);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(PlainRunList))]
internal sealed partial class PlainRunJsonContext : JsonSerializerContext;
