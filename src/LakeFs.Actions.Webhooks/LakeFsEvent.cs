using System.Text.Json;
using System.Text.Json.Serialization;

namespace LakeFs.Actions.Webhooks;

/// <summary>
/// The JSON body lakeFS posts to a webhook (lakeFS's <c>EventInfo</c>). The first five fields are always there;
/// the others are omitted by lakeFS when empty and are then <c>null</c> here. Fields a newer lakeFS adds are kept
/// in <see cref="AdditionalProperties"/>, never an error.
/// </summary>
/// <remarks>
/// <para>Which fields each event carries, and what they mean there ("—": absent, so <c>null</c>):</para>
/// <list type="table">
///   <listheader><term>event</term><description><c>branch_id</c> / <c>source_ref</c> / <c>commit_id</c> / commit fields / other</description></listheader>
///   <item><term><c>prepare-commit</c>, <c>pre-commit</c></term><description>the branch / the branch name (staged objects included) / — / yes</description></item>
///   <item><term><c>post-commit</c></term><description>the branch / the new commit id / the new commit / yes</description></item>
///   <item><term><c>pre-merge</c></term><description>the <b>destination</b> branch / the <b>source's head commit id</b> (not its name) / the merge commit about to be made / yes / <c>merge_source</c>: the source as requested</description></item>
///   <item><term><c>post-merge</c></term><description>the destination / the merge commit id / the merge commit / yes / <c>merge_source</c></description></item>
///   <item><term><c>pre-create-branch</c>, <c>post-create-branch</c></term><description>the <b>new</b> branch / the source as sent (e.g. <c>main</c>) / the source commit / —</description></item>
///   <item><term><c>pre-delete-branch</c>, <c>post-delete-branch</c></term><description>the deleted branch / its head commit id / — / —</description></item>
///   <item><term><c>pre-create-tag</c>, <c>post-create-tag</c>, <c>pre-delete-tag</c>, <c>post-delete-tag</c></term><description>— / the tagged commit id / the tagged commit / — / <c>tag_id</c>: the tag</description></item>
///   <item><term><c>pre-revert</c>, <c>pre-cherry-pick</c></term><description>the branch / the branch name / — / yes</description></item>
///   <item><term><c>post-revert</c>, <c>post-cherry-pick</c></term><description>the branch / the new commit id / the new commit / yes</description></item>
/// </list>
/// <para>"Commit fields" are <see cref="CommitMessage"/>, <see cref="Committer"/> and <see cref="CommitMetadata"/> of the
/// commit being made. The committer is the user's email when set, else the user name. Merge metadata always holds
/// <c>.lakefs.merge.strategy</c>; import commits (which fire pre- and post-commit, not prepare-commit) hold
/// <c>.lakefs.merge.strategy: source-wins</c>; cherry-pick metadata holds <c>cherry-pick-origin</c> and
/// <c>cherry-pick-committer</c>. A merge without a message gets <c>Merge '&lt;source&gt;' into '&lt;dest&gt;'</c>.</para>
/// <para>The payload carries no run id, hook run id, storage namespace or parents. <see cref="EventTime"/> is taken
/// when each hook's request is built (whole seconds, UTC), not when the operation started.</para>
/// <para><see cref="SourceRef"/> is also where lakeFS read the action files from: a <c>pre-merge</c> hook is
/// governed by the action files of the <b>source</b>'s head commit, not the destination's.</para>
/// </remarks>
public sealed class LakeFsEvent
{
    private static readonly JsonSerializerOptions ReadOptions = new()
    {
        MaxDepth = 16,
        PropertyNameCaseInsensitive = false,
    };

    /// <summary><c>event_type</c>: the event the hook runs on. Always present.</summary>
    [JsonPropertyName("event_type")]
    public LakeFsEventType EventType { get; init; }

    /// <summary><c>event_time</c>: when lakeFS built this hook's request (RFC 3339, UTC, whole seconds). Always present.</summary>
    [JsonPropertyName("event_time")]
    public DateTimeOffset EventTime { get; init; }

    /// <summary><c>action_name</c>: the <c>name</c> of the action file whose hook is called. Always present.</summary>
    [JsonPropertyName("action_name")]
    public string ActionName { get; init; } = string.Empty;

    /// <summary><c>hook_id</c>: the <c>id</c> of the hook within the action. Always present.</summary>
    [JsonPropertyName("hook_id")]
    public string HookId { get; init; } = string.Empty;

    /// <summary><c>repository_id</c>: the repository. Always present.</summary>
    [JsonPropertyName("repository_id")]
    public string RepositoryId { get; init; } = string.Empty;

    /// <summary>
    /// <c>branch_id</c>: the branch the action matched on: the committed-to branch, the merge <b>destination</b>, the
    /// <b>new</b> branch of create-branch, the deleted branch. Null for tag events.
    /// </summary>
    [JsonPropertyName("branch_id")]
    public string? BranchId { get; init; }

    /// <summary>
    /// <c>source_ref</c>: the ref lakeFS read the action files from: the branch name (pre-commit), the new commit id
    /// (post-commit), the source's head <b>commit id</b> (pre-merge), the source as sent (create-branch), the tagged
    /// commit id (tag events). See the table on <see cref="LakeFsEvent"/>.
    /// </summary>
    [JsonPropertyName("source_ref")]
    public string? SourceRef { get; init; }

    /// <summary><c>tag_id</c>: the tag, for the four tag events only; null otherwise.</summary>
    [JsonPropertyName("tag_id")]
    public string? TagId { get; init; }

    /// <summary>
    /// <c>commit_id</c>: the new commit (post-commit, post-revert, post-cherry-pick), the merge commit (pre- and
    /// post-merge), the source commit (create-branch), the tagged commit (tag events). Null for prepare-commit,
    /// pre-commit, pre-revert, pre-cherry-pick and the delete-branch events.
    /// </summary>
    [JsonPropertyName("commit_id")]
    public string? CommitId { get; init; }

    /// <summary><c>commit_message</c>: the message of the commit being made (commit, merge, revert, cherry-pick events); null otherwise or when empty.</summary>
    [JsonPropertyName("commit_message")]
    public string? CommitMessage { get; init; }

    /// <summary><c>committer</c>: who makes the commit (the user's email when set, else the user name); null for branch and tag events.</summary>
    [JsonPropertyName("committer")]
    public string? Committer { get; init; }

    /// <summary>
    /// <c>commit_metadata</c>: the metadata of the commit being made, a JSON object of strings (not a string). Null
    /// when the commit has none and for branch and tag events.
    /// </summary>
    [JsonPropertyName("commit_metadata")]
    public IReadOnlyDictionary<string, string>? CommitMetadata { get; init; }

    /// <summary><c>merge_source</c>: for pre- and post-merge, the source ref as the merge request named it (e.g. a branch name); null otherwise.</summary>
    [JsonPropertyName("merge_source")]
    public string? MergeSource { get; init; }

    /// <summary>Fields this version does not know (a newer lakeFS may add some), by name, as sent.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; init; }

    /// <summary>Reads the body lakeFS posted.</summary>
    /// <param name="utf8Json">The body, UTF-8 JSON.</param>
    /// <returns>The event.</returns>
    /// <exception cref="FormatException">The body is not JSON, not an object, a field has the wrong type, or one of the five
    /// always-present fields is missing; the message says which, in at most a few hundred characters.</exception>
    public static LakeFsEvent Parse(ReadOnlySpan<byte> utf8Json)
    {
        LakeFsEvent? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<LakeFsEvent>(utf8Json, ReadOptions);
        }
        catch (JsonException error)
        {
            throw new FormatException(EventText.NotAnEvent(error), error);
        }

        if (parsed is null)
        {
            throw new FormatException("The body is not a lakeFS event: it is the JSON value null, not an object.");
        }

        parsed.ThrowIfIncomplete();
        return parsed;
    }

    /// <summary>Reads the body lakeFS posted, as text.</summary>
    /// <param name="json">The body.</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="FormatException">See <see cref="Parse(ReadOnlySpan{byte})"/>.</exception>
    public static LakeFsEvent Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(System.Text.Encoding.UTF8.GetBytes(json));
    }

    /// <summary>A short description for logs: event, repository, branch or tag, action and hook.</summary>
    /// <returns>For example <c>pre-commit on repo/main (action 'Check', hook 'owner')</c>.</returns>
    public override string ToString()
    {
        var where = TagId is not null ? $"{RepositoryId} tag {TagId}" : BranchId is not null ? $"{RepositoryId}/{BranchId}" : RepositoryId;
        return $"{EventType} on {where} (action '{ActionName}', hook '{HookId}')";
    }

    private void ThrowIfIncomplete()
    {
        string? missing = null;
        if (EventType.Value.Length == 0)
        {
            missing = "event_type";
        }
        else if (EventTime == default)
        {
            missing = "event_time";
        }
        else if (string.IsNullOrEmpty(ActionName))
        {
            missing = "action_name";
        }
        else if (string.IsNullOrEmpty(HookId))
        {
            missing = "hook_id";
        }
        else if (string.IsNullOrEmpty(RepositoryId))
        {
            missing = "repository_id";
        }

        if (missing is not null)
        {
            throw new FormatException($"The body is not a lakeFS event: the field '{missing}' is missing or empty (lakeFS always sends event_type, event_time, action_name, hook_id and repository_id).");
        }
    }
}
