using Newtonsoft.Json;

namespace LakeFs.Actions.Client.Benchmarks.Baselines;

/// <summary>
/// The page envelope a user writes for the hand-written loops: the library's <see cref="ActionRun"/> model plus
/// the pagination block. A class of the user's own, so the baselines do not depend on whether the library's wire
/// envelopes (<c>ActionRunList</c>, <c>Pagination</c>) are public.
/// </summary>
internal sealed class UserRunPage
{
    [JsonProperty("pagination", Required = Required.Always)]
    public UserPagination Pagination { get; set; } = new();

    [JsonProperty("results", Required = Required.Always)]
    public List<ActionRun> Results { get; set; } = [];
}

/// <summary>The pagination block of <see cref="UserRunPage"/>.</summary>
internal sealed class UserPagination
{
    [JsonProperty("has_more")]
    public bool HasMore { get; set; }

    [JsonProperty("next_offset")]
    public string NextOffset { get; set; } = string.Empty;
}
