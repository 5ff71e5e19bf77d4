namespace LakeFs.Actions.Webhooks.Tests;

public sealed class LakeFsEventTypeTests
{
    [Fact]
    public void Known_holds_the_17_events_lakeFS_fires()
    {
        Assert.Equal(Infrastructure.LakeFsPayloads.AllEvents, LakeFsEventType.Known.Select(e => e.Value));
        Assert.All(LakeFsEventType.Known, e => Assert.True(e.IsKnown));
    }

    [Theory]
    [InlineData("prepare-commit", true)]
    [InlineData("pre-commit", true)]
    [InlineData("pre-merge", true)]
    [InlineData("pre-delete-tag", true)]
    [InlineData("post-commit", false)]
    [InlineData("post-cherry-pick", false)]
    public void Only_prepare_and_pre_events_can_refuse(string value, bool canRefuse) =>
        Assert.Equal(canRefuse, new LakeFsEventType(value).CanRefuse);

    [Fact]
    public void Values_compare_case_sensitively_as_lakeFS_does_and_unknown_values_are_kept()
    {
        Assert.Equal(LakeFsEventType.PreCommit, (LakeFsEventType)"pre-commit");
        Assert.NotEqual(LakeFsEventType.PreCommit, (LakeFsEventType)"Pre-Commit");
        Assert.False(new LakeFsEventType("pre_commit").IsKnown);
        Assert.Equal("pre_commit", new LakeFsEventType("pre_commit").ToString());
        Assert.Equal(string.Empty, default(LakeFsEventType).Value);
        Assert.True(LakeFsEventType.PreCreateTag.IsTagEvent);
        Assert.False(LakeFsEventType.PreCreateBranch.IsTagEvent);
        Assert.Throws<ArgumentNullException>(() => new LakeFsEventType(null!));
    }
}
