using System.Net;
using System.Text.Json;

namespace LakeFs.Actions.Client.Testing.Tests;

/// <summary>listRepositories and getRepository, and 404 for an unknown repository on every repository endpoint.</summary>
public sealed class RepositoryTests
{
    [Fact]
    public async Task Repositories_are_listed_in_id_order_whatever_the_order_they_were_added()
    {
        await using var lakeFs = await LakeFsActionsEmulator.StartAsync();
        foreach (var id in new[] { "zeta", "alpha", "mid", "Alpha2", "alpha-1" })
        {
            lakeFs.AddRepository(id);
        }

        using var http = lakeFs.CreateHttpClient();

        var (ids, pagination) = await ListAsync(http);

        Assert.Equal(["Alpha2", "alpha", "alpha-1", "mid", "zeta"], ids);
        Assert.False(pagination.GetProperty("has_more").GetBoolean());
        Assert.Equal("", pagination.GetProperty("next_offset").GetString());
        Assert.Equal(5, pagination.GetProperty("results").GetInt32());
        Assert.Equal(1000, pagination.GetProperty("max_per_page").GetInt32());
    }

    [Fact]
    public async Task Prefix_keeps_ids_that_start_with_it()
    {
        await using var lakeFs = await StartWithAsync("data-lake", "data-warehouse", "my-data", "logs");
        using var http = lakeFs.CreateHttpClient();

        Assert.Equal(["data-lake", "data-warehouse"], (await ListAsync(http, "?prefix=data-")).Ids);
    }

    [Fact]
    public async Task Search_keeps_ids_that_contain_it()
    {
        await using var lakeFs = await StartWithAsync("data-lake", "data-warehouse", "my-data", "logs");
        using var http = lakeFs.CreateHttpClient();

        Assert.Equal(["data-lake", "data-warehouse", "my-data"], (await ListAsync(http, "?search=data")).Ids);
        Assert.Equal(["data-warehouse"], (await ListAsync(http, "?search=ware")).Ids);
        Assert.Empty((await ListAsync(http, "?search=nothing")).Ids);
    }

    [Fact]
    public async Task After_is_exclusive_and_amount_pages_with_has_more_by_peeking()
    {
        await using var lakeFs = await StartWithAsync("r1", "r2", "r3", "r4");
        using var http = lakeFs.CreateHttpClient();

        var (first, firstPagination) = await ListAsync(http, "?amount=2");
        Assert.Equal(["r1", "r2"], first);
        Assert.True(firstPagination.GetProperty("has_more").GetBoolean());
        Assert.Equal("r2", firstPagination.GetProperty("next_offset").GetString());

        var (second, secondPagination) = await ListAsync(http, "?amount=2&after=r2");
        Assert.Equal(["r3", "r4"], second);
        Assert.False(secondPagination.GetProperty("has_more").GetBoolean());
        Assert.Equal("", secondPagination.GetProperty("next_offset").GetString());

        Assert.Equal(["r2", "r3", "r4"], (await ListAsync(http, "?after=r10")).Ids);
    }

    [Fact]
    public async Task Prefix_and_after_combine()
    {
        await using var lakeFs = await StartWithAsync("a1", "a2", "a3", "b1");
        using var http = lakeFs.CreateHttpClient();

        var (ids, pagination) = await ListAsync(http, "?prefix=a&after=a1&amount=1");

        Assert.Equal(["a2"], ids);
        Assert.True(pagination.GetProperty("has_more").GetBoolean());
        Assert.Equal("a2", pagination.GetProperty("next_offset").GetString());
    }

    [Fact]
    public async Task Get_repository_returns_every_field()
    {
        await using var lakeFs = await LakeFsActionsEmulator.StartAsync();
        var created = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero).AddMilliseconds(900);
        lakeFs.AddRepository("warehouse", "trunk", "s3://bucket/warehouse/", created, readOnly: true);
        using var http = lakeFs.CreateHttpClient();

        var repository = await Api.GetJsonAsync(http, "api/v1/repositories/warehouse");

        Assert.Equal("warehouse", repository.GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Number, repository.GetProperty("creation_date").ValueKind);
        Assert.Equal(created.ToUnixTimeSeconds(), repository.GetProperty("creation_date").GetInt64());
        Assert.Equal("trunk", repository.GetProperty("default_branch").GetString());
        Assert.Equal("s3://bucket/warehouse/", repository.GetProperty("storage_namespace").GetString());
        Assert.True(repository.GetProperty("read_only").GetBoolean());

        var listed = (await Api.GetJsonAsync(http, "api/v1/repositories")).GetProperty("results")[0];
        Assert.Equal(repository.GetRawText(), listed.GetRawText());
    }

    [Fact]
    public async Task Repository_defaults_are_main_a_local_namespace_and_writable()
    {
        await using var lakeFs = await LakeFsActionsEmulator.StartAsync();
        lakeFs.AddRepository("plain");
        using var http = lakeFs.CreateHttpClient();

        var repository = await Api.GetJsonAsync(http, "api/v1/repositories/plain");

        Assert.Equal("main", repository.GetProperty("default_branch").GetString());
        Assert.False(string.IsNullOrEmpty(repository.GetProperty("storage_namespace").GetString()));
        Assert.False(repository.GetProperty("read_only").GetBoolean());
    }

    [Theory]
    [InlineData("api/v1/repositories/nope")]
    [InlineData("api/v1/repositories/nope/actions/runs")]
    [InlineData("api/v1/repositories/nope/actions/runs/{run}")]
    [InlineData("api/v1/repositories/nope/actions/runs/{run}/hooks")]
    [InlineData("api/v1/repositories/nope/actions/runs/{run}/hooks/0000_0000/output")]
    public async Task Unknown_repository_is_404_on_every_repository_endpoint_even_for_a_run_that_exists_elsewhere(string template)
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        var runId = lakeFs.AddRun(Api.Repo, "main", "c1", "pre-commit", [EmulatedHook.Completed("a", "h", "log")]);
        using var http = lakeFs.CreateHttpClient();
        var path = template.Replace("{run}", runId, StringComparison.Ordinal);
        using (var sameRequestForExistingRepository = await http.GetAsync(path.Replace("repositories/nope", "repositories/" + Api.Repo, StringComparison.Ordinal)))
        {
            Assert.Equal(HttpStatusCode.OK, sameRequestForExistingRepository.StatusCode);
        }

        var message = await Api.GetErrorAsync(http, path, HttpStatusCode.NotFound);

        Assert.Contains("not found", message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Percent_encoded_ids_are_decoded_per_path_segment()
    {
        await using var lakeFs = await LakeFsActionsEmulator.StartAsync();
        lakeFs.AddRepository("team/data lake");
        var runId = lakeFs.AddRun("team/data lake", "main", "c1", "pre-commit");
        using var http = lakeFs.CreateHttpClient();

        var repository = await Api.GetJsonAsync(http, "api/v1/repositories/team%2Fdata%20lake");
        var (ids, _) = await Api.ListRunsAsync(http, repository: "team/data lake");

        Assert.Equal("team/data lake", repository.GetProperty("id").GetString());
        Assert.Equal([runId], ids);
        Assert.Contains(lakeFs.ReceivedRequests, r => r.Target == "/api/v1/repositories/team%2Fdata%20lake/actions/runs");
        Assert.NotEmpty(await Api.GetErrorAsync(http, "api/v1/repositories/team/data%20lake", HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task Listing_repositories_never_404s_even_when_there_are_none()
    {
        await using var lakeFs = await LakeFsActionsEmulator.StartAsync();
        using var http = lakeFs.CreateHttpClient();

        var (ids, pagination) = await ListAsync(http, "?prefix=nope");

        Assert.Empty(ids);
        Assert.False(pagination.GetProperty("has_more").GetBoolean());
    }

    private static async Task<LakeFsActionsEmulator> StartWithAsync(params string[] ids)
    {
        var emulator = await LakeFsActionsEmulator.StartAsync();
        foreach (var id in ids)
        {
            emulator.AddRepository(id);
        }

        return emulator;
    }

    private static async Task<(List<string> Ids, JsonElement Pagination)> ListAsync(HttpClient http, string query = "")
    {
        var json = await Api.GetJsonAsync(http, $"api/v1/repositories{query}");
        return ([.. json.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()!)], json.GetProperty("pagination"));
    }
}
