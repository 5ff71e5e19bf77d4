using LakeFs.Actions.Cli.Tests.Infrastructure;
using LakeFs.Actions.Client.Testing;

namespace LakeFs.Actions.Cli.Tests;

/// <summary>
/// Each connection setting comes from its flag, else the environment, else the lakectl file. Three
/// emulators, each with one repository named after the layer that points at it, show which one was used.
/// </summary>
public sealed class ConnectionPrecedenceTests : IAsyncLifetime, IDisposable
{
    private readonly InProcessCli _cli = new();
    private readonly string _home = Directory.CreateTempSubdirectory("lakefs-runs-precedence-").FullName;
    private LakeFsActionsEmulator _flagServer = null!;
    private LakeFsActionsEmulator _envServer = null!;
    private LakeFsActionsEmulator _fileServer = null!;

    public ConnectionPrecedenceTests() => _cli.HomeDirectory = _home;

    public async Task InitializeAsync()
    {
        _flagServer = await StartWithRepositoryAsync("from-flag");
        _envServer = await StartWithRepositoryAsync("from-env");
        _fileServer = await StartWithRepositoryAsync("from-file");
    }

    public async Task DisposeAsync()
    {
        await _flagServer.DisposeAsync();
        await _envServer.DisposeAsync();
        await _fileServer.DisposeAsync();
    }

    public void Dispose()
    {
        _cli.Dispose();
        Directory.Delete(_home, recursive: true);
    }

    [Fact]
    public async Task The_lakectl_file_is_used_when_nothing_else_is_set()
    {
        WriteLakectlFile(Path.Combine(_home, ".lakectl.yaml"), _fileServer.Endpoint, _fileServer.AccessKeyId, _fileServer.SecretAccessKey);

        var result = await _cli.RunAsync(["repos", "-o", "json"]);

        Assert.Equal(["from-file"], RepositoryIds(result));
        Assert.Equal(string.Empty, result.Stderr);
    }

    [Fact]
    public async Task The_file_named_by_LAKECTL_CONFIG_FILE_replaces_the_one_in_home()
    {
        WriteLakectlFile(Path.Combine(_home, ".lakectl.yaml"), _envServer.Endpoint, _envServer.AccessKeyId, _envServer.SecretAccessKey);
        var other = Path.Combine(_home, "other.yaml");
        WriteLakectlFile(other, _fileServer.Endpoint, _fileServer.AccessKeyId, _fileServer.SecretAccessKey);
        _cli.Environment["LAKECTL_CONFIG_FILE"] = other;

        var result = await _cli.RunAsync(["repos", "-o", "json"]);

        Assert.Equal(["from-file"], RepositoryIds(result));
    }

    [Fact]
    public async Task The_environment_wins_over_the_file()
    {
        WriteLakectlFile(Path.Combine(_home, ".lakectl.yaml"), _fileServer.Endpoint, _fileServer.AccessKeyId, _fileServer.SecretAccessKey);
        _cli.Environment["LAKECTL_SERVER_ENDPOINT_URL"] = _envServer.Endpoint.ToString();

        var result = await _cli.RunAsync(["repos", "-o", "json"]);

        Assert.Equal(["from-env"], RepositoryIds(result));
        Assert.Equal(0, _fileServer.TotalRequests);
    }

    [Fact]
    public async Task A_flag_wins_over_the_environment_and_the_file()
    {
        WriteLakectlFile(Path.Combine(_home, ".lakectl.yaml"), _fileServer.Endpoint, _fileServer.AccessKeyId, _fileServer.SecretAccessKey);
        _cli.Environment["LAKECTL_SERVER_ENDPOINT_URL"] = _envServer.Endpoint.ToString();

        var result = await _cli.RunAsync(["repos", "-o", "json", "--endpoint", _flagServer.Endpoint.ToString()]);

        Assert.Equal(["from-flag"], RepositoryIds(result));
        Assert.Equal(0, _envServer.TotalRequests + _fileServer.TotalRequests);
    }

    [Theory]
    [InlineData("right", null, null, 0)]
    [InlineData("wrong", "right", null, 0)]
    [InlineData("right", "wrong", null, 4)]
    [InlineData("right", "wrong", "right", 0)]
    [InlineData("right", "right", "wrong", 4)]
    public async Task The_secret_comes_from_the_flag_else_the_environment_else_the_file(string fileSecret, string? envSecret, string? flagSecret, int expectedExitCode)
    {
        string Secret(string which) => which == "right" ? _fileServer.SecretAccessKey : "wrong-secret";
        WriteLakectlFile(Path.Combine(_home, ".lakectl.yaml"), _fileServer.Endpoint, _fileServer.AccessKeyId, Secret(fileSecret));
        if (envSecret is not null)
        {
            _cli.Environment["LAKECTL_CREDENTIALS_SECRET_ACCESS_KEY"] = Secret(envSecret);
        }

        string[] args = flagSecret is null ? ["repos", "-o", "json"] : ["repos", "-o", "json", "--secret-access-key", Secret(flagSecret)];
        var result = await _cli.RunAsync(args);

        Assert.True(result.ExitCode == expectedExitCode, result.ToString());
        Assert.DoesNotContain("wrong-secret", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_access_key_id_from_the_environment_wins_over_the_file()
    {
        WriteLakectlFile(Path.Combine(_home, ".lakectl.yaml"), _fileServer.Endpoint, "AKIAWRONG", _fileServer.SecretAccessKey);

        var wrong = await _cli.RunAsync(["repos"]);
        _cli.Environment["LAKECTL_CREDENTIALS_ACCESS_KEY_ID"] = _fileServer.AccessKeyId;
        var right = await _cli.RunAsync(["repos"]);

        Assert.True(wrong.ExitCode == 4, wrong.ToString());
        Assert.True(right.ExitCode == 0, right.ToString());
    }

    [Fact]
    public async Task An_unreadable_lakectl_file_is_a_usage_error()
    {
        await File.WriteAllTextAsync(Path.Combine(_home, ".lakectl.yaml"), "server: [unclosed\n");

        var result = await _cli.RunAsync(["repos"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("is not valid YAML", result.Stderr, StringComparison.Ordinal);
    }

    private static async Task<LakeFsActionsEmulator> StartWithRepositoryAsync(string repository)
    {
        var emulator = await LakeFsActionsEmulator.StartAsync();
        emulator.AddRepository(repository);
        return emulator;
    }

    private static void WriteLakectlFile(string path, Uri endpoint, string accessKeyId, string secretAccessKey) =>
        File.WriteAllText(path, $"""
            credentials:
              access_key_id: {accessKeyId}
              secret_access_key: {secretAccessKey}
            server:
              endpoint_url: {endpoint}
            """);

    private static string[] RepositoryIds(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        return [.. result.JsonLines.Select(repository => repository.GetProperty("id").GetString()!)];
    }
}
