namespace LakeFs.Actions.Client.Testing.Tests;

/// <summary>The client reads a ref's action files from the emulator's listObjects and getObject as it would from lakeFS.</summary>
public sealed class ActionFilesFromEmulatorTests
{
    [Fact]
    public async Task The_client_reads_and_validates_the_action_files_of_a_branch_with_staged_files_and_a_subfolder()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        lakeFs.PutActionFile(Api.Repo, "main", "good.yaml", ActionFile.Webhook("Good", "http://127.0.0.1:1/x", events: "pre-commit"));
        lakeFs.PutActionFile(Api.Repo, "main", "README.md", "# not an action\n");
        lakeFs.PutObject(Api.Repo, "main", "_lakefs_actions/sub/nested.yaml", "name: Nested\n");
        lakeFs.PutObject(Api.Repo, "main", "elsewhere/x.yaml", "name: Elsewhere\n");
        using var client = new LakeFsRepositoriesClient(new LakeFsClientOptions
        {
            Endpoint = lakeFs.Endpoint,
            AccessKeyId = lakeFs.AccessKeyId,
            SecretAccessKey = lakeFs.SecretAccessKey,
        });

        var files = await client.ReadActionFilesAsync(Api.Repo, "main");
        var folder = await client.ValidateActionFilesAsync(Api.Repo, "main");
        var commit = await lakeFs.CommitAsync(Api.Repo, "main", "m");

        Assert.Equal(["_lakefs_actions/README.md", "_lakefs_actions/good.yaml", "_lakefs_actions/sub/"], files.Select(f => f.Path));
        Assert.True(files[2].IsFolder);
        Assert.Equal("# not an action\n", System.Text.Encoding.UTF8.GetString(files[0].Content.Span));
        Assert.Equal(404, folder.LoadErrorStatusCode);
        Assert.Equal(folder.LoadErrorStatusCode, commit.StatusCode);
        Assert.EndsWith(folder.LoadError!, commit.Message);
    }
}
