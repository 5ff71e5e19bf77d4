using System.Text.Json;
using LakeFs.Actions.Webhooks.Tests.Infrastructure;

namespace LakeFs.Actions.Webhooks.Tests;

public sealed class LakeFsEventTests
{
    [Theory]
    [MemberData(nameof(LakeFsPayloads.Events), MemberType = typeof(LakeFsPayloads))]
    public void Every_event_reads_the_fields_lakeFS_sends_and_null_for_the_rest(string eventType)
    {
        var sent = LakeFsPayloads.For(eventType);

        var parsed = LakeFsEvent.Parse(sent.ToJson());

        Assert.Equal(new LakeFsEventType(eventType), parsed.EventType);
        Assert.True(parsed.EventType.IsKnown);
        Assert.Equal(new DateTimeOffset(2026, 7, 23, 10, 11, 12, TimeSpan.Zero), parsed.EventTime);
        Assert.Equal(TimeSpan.Zero, parsed.EventTime.Offset);
        Assert.Equal("Require owner", parsed.ActionName);
        Assert.Equal("owner_check", parsed.HookId);
        Assert.Equal("example-repo", parsed.RepositoryId);
        Assert.Equal(sent.BranchId, parsed.BranchId);
        Assert.Equal(sent.SourceRef, parsed.SourceRef);
        Assert.Equal(sent.TagId, parsed.TagId);
        Assert.Equal(sent.CommitId, parsed.CommitId);
        Assert.Equal(sent.CommitMessage, parsed.CommitMessage);
        Assert.Equal(sent.Committer, parsed.Committer);
        Assert.Equal(sent.MergeSource, parsed.MergeSource);
        if (sent.CommitMetadata is null)
        {
            Assert.Null(parsed.CommitMetadata);
        }
        else
        {
            Assert.Equal(sent.CommitMetadata.OrderBy(p => p.Key), parsed.CommitMetadata!.OrderBy(p => p.Key));
        }

        Assert.Null(parsed.AdditionalProperties);
    }

    [Fact]
    public void Pre_merge_source_ref_is_the_source_head_commit_and_branch_the_destination()
    {
        var parsed = LakeFsEvent.Parse(LakeFsPayloads.For("pre-merge").ToJson());

        Assert.Equal("main", parsed.BranchId);
        Assert.Equal(LakeFsPayloads.SourceHead, parsed.SourceRef);
        Assert.Equal("feature-1", parsed.MergeSource);
        Assert.Equal(LakeFsPayloads.MergeCommit, parsed.CommitId);
        Assert.Equal("default", parsed.CommitMetadata![".lakefs.merge.strategy"]);
    }

    [Fact]
    public void Go_escapes_of_angle_brackets_and_ampersand_read_back_as_the_characters()
    {
        var json = LakeFsPayloads.For("pre-commit").ToJson();
        Assert.Contains("\\u003craw\\u003e \\u0026 clean", json, StringComparison.Ordinal);

        var parsed = LakeFsEvent.Parse(json);

        Assert.Equal(LakeFsPayloads.Message, parsed.CommitMessage);
    }

    [Fact]
    public void Exact_bytes_of_a_lakeFS_pre_commit_payload_parse()
    {
        const string body = """{"event_type":"pre-commit","event_time":"2026-07-23T10:11:12Z","action_name":"Require owner","hook_id":"owner_check","repository_id":"example-repo","branch_id":"main","source_ref":"main","commit_message":"add \u003cdata\u003e","committer":"admin","commit_metadata":{"a":"1","owner":"jane"}}""";

        var parsed = LakeFsEvent.Parse(body);

        Assert.Equal(LakeFsEventType.PreCommit, parsed.EventType);
        Assert.Equal("add <data>", parsed.CommitMessage);
        Assert.Equal("admin", parsed.Committer);
        Assert.Equal("jane", parsed.CommitMetadata!["owner"]);
        Assert.Null(parsed.CommitId);
        Assert.Null(parsed.TagId);
        Assert.Null(parsed.MergeSource);
    }

    [Fact]
    public void Fields_and_event_types_a_newer_lakeFS_adds_are_kept()
    {
        const string body = """{"event_type":"pre-rename-branch","event_time":"2026-07-23T10:11:12Z","action_name":"a","hook_id":"h1","repository_id":"r","branch_id":"b","run_id":"cu0b3f9k2q1s7ae5v0lg","labels":{"x":[1,2]}}""";

        var parsed = LakeFsEvent.Parse(body);

        Assert.Equal("pre-rename-branch", parsed.EventType.Value);
        Assert.False(parsed.EventType.IsKnown);
        Assert.True(parsed.EventType.CanRefuse);
        Assert.Equal("cu0b3f9k2q1s7ae5v0lg", parsed.AdditionalProperties!["run_id"].GetString());
        Assert.Equal(JsonValueKind.Object, parsed.AdditionalProperties["labels"].ValueKind);
    }

    [Theory]
    [InlineData("not json", "The body is not a lakeFS event")]
    [InlineData("", "The body is not a lakeFS event")]
    [InlineData("[1,2]", "The body is not a lakeFS event")]
    [InlineData("null", "JSON value null")]
    [InlineData("""{"event_type":"pre-commit","event_time":"2026-07-23T10:11:12Z","action_name":"a","hook_id":"h1","repository_id":"r","commit_metadata":"owner=jane"}""", "$.commit_metadata")]
    [InlineData("""{"event_type":"pre-commit","event_time":"yesterday","action_name":"a","hook_id":"h1","repository_id":"r"}""", "$.event_time")]
    [InlineData("""{"event_type":7,"event_time":"2026-07-23T10:11:12Z","action_name":"a","hook_id":"h1","repository_id":"r"}""", "event_type must be a string")]
    [InlineData("""{"event_time":"2026-07-23T10:11:12Z","action_name":"a","hook_id":"h1","repository_id":"r"}""", "'event_type' is missing")]
    [InlineData("""{"event_type":"pre-commit","action_name":"a","hook_id":"h1","repository_id":"r"}""", "'event_time' is missing")]
    [InlineData("""{"event_type":"pre-commit","event_time":"2026-07-23T10:11:12Z","hook_id":"h1","repository_id":"r"}""", "'action_name' is missing")]
    [InlineData("""{"event_type":"pre-commit","event_time":"2026-07-23T10:11:12Z","action_name":"a","repository_id":"r"}""", "'hook_id' is missing")]
    [InlineData("""{"event_type":"pre-commit","event_time":"2026-07-23T10:11:12Z","action_name":"a","hook_id":"h1","repository_id":null}""", "'repository_id' is missing")]
    [InlineData("""{"event_type":"pre-commit","event_time":"2026-07-23T10:11:12Z","action_name":"a","hook_id":"h1","repository_id":"r","commit_metadata":{"owner":1}}""", "$.commit_metadata")]
    public void A_body_that_is_not_an_event_is_a_format_exception_that_says_what_is_wrong(string body, string expected)
    {
        var error = Assert.Throws<FormatException>(() => LakeFsEvent.Parse(body));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length <= 310, error.Message);
    }

    [Theory]
    [InlineData("""{"event_type":"pre-commit","event_time":"2026-07-23T10:11:12Z","action_name":"a","hook_id":"h1","repository_id":"r","x":1,"x":2}""")]
    [InlineData("""{"event_type":"pre-commit","event_time":"2026-07-23T10:11:12Z","action_name":"a","hook_id":"h1","repository_id":"r","commit_metadata":{"owner":"a","owner":"b"}}""")]
    [InlineData("""{"event_type":"pre-commit","event_type":"post-commit","event_time":"2026-07-23T10:11:12Z","action_name":"a","hook_id":"h1","repository_id":"r"}""")]
    public void Duplicate_keys_parse_or_are_a_format_exception_never_another_error(string body)
    {
        try
        {
            _ = LakeFsEvent.Parse(body);
        }
        catch (FormatException)
        {
        }
    }

    [Fact]
    public void Deeply_nested_unknown_fields_are_refused_without_a_stack_overflow()
    {
        var body = """{"event_type":"pre-commit","x":""" + new string('[', 100_000) + new string(']', 100_000) + "}";

        var error = Assert.Throws<FormatException>(() => LakeFsEvent.Parse(body));

        Assert.Contains("depth", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ToString_names_event_repository_branch_action_and_hook()
    {
        var parsed = LakeFsEvent.Parse(LakeFsPayloads.For("pre-commit").ToJson());
        var tag = LakeFsEvent.Parse(LakeFsPayloads.For("pre-create-tag").ToJson());

        Assert.Equal("pre-commit on example-repo/main (action 'Require owner', hook 'owner_check')", parsed.ToString());
        Assert.Equal("pre-create-tag on example-repo tag v1.0 (action 'Require owner', hook 'owner_check')", tag.ToString());
    }
}
