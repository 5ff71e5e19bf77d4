using System.Net;
using System.Text;

namespace LakeFs.Actions.Client.Testing.Tests;

/// <summary>HTTP Basic with the key pair, Bearer when a token is configured, 401 otherwise; or no authentication at all.</summary>
public sealed class AuthenticationTests
{
    private const string Path = "api/v1/repositories/repo";

    [Fact]
    public async Task No_authorization_is_401_with_lakefs_message_as_json()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        using var http = new HttpClient { BaseAddress = lakeFs.Endpoint };

        var message = await Api.GetErrorAsync(http, Path, HttpStatusCode.Unauthorized);

        Assert.Equal("error authenticating request", message);
    }

    [Fact]
    public async Task Basic_with_the_key_pair_is_accepted()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        using var http = WithAuthorization(lakeFs, "Basic", Basic(lakeFs.AccessKeyId, lakeFs.SecretAccessKey));

        var repository = await Api.GetJsonAsync(http, Path);

        Assert.Equal(Api.Repo, repository.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Configured_key_pair_replaces_the_demo_keys()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync(new LakeFsEmulatorOptions { AccessKeyId = "AKIATEST", SecretAccessKey = "s3cr3t:with:colons" });
        using var right = WithAuthorization(lakeFs, "Basic", Basic("AKIATEST", "s3cr3t:with:colons"));
        using var demo = WithAuthorization(lakeFs, "Basic", Basic(LakeFsEmulatorOptions.DemoAccessKeyId, LakeFsEmulatorOptions.DemoSecretAccessKey));

        await Api.GetJsonAsync(right, Path);
        Assert.Equal("error authenticating request", await Api.GetErrorAsync(demo, Path, HttpStatusCode.Unauthorized));
    }

    [Theory]
    [InlineData("AKIAIOSFODNN7EXAMPLE", "wrong-secret")]
    [InlineData("AKIAWRONG", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")]
    [InlineData("AKIAIOSFODNN7EXAMPLE", "")]
    [InlineData("", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")]
    public async Task Basic_with_a_wrong_key_pair_is_401(string accessKeyId, string secret)
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        using var http = WithAuthorization(lakeFs, "Basic", Basic(accessKeyId, secret));

        Assert.Equal("error authenticating request", await Api.GetErrorAsync(http, Path, HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task Basic_that_is_not_base64_is_401()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        using var http = WithAuthorization(lakeFs, "Basic", "not base64!");

        Assert.Equal("error authenticating request", await Api.GetErrorAsync(http, Path, HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task Bearer_is_accepted_when_a_token_is_configured_and_a_wrong_one_is_not()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync(new LakeFsEmulatorOptions { BearerToken = "eyJ.test.token" });
        using var right = WithAuthorization(lakeFs, "Bearer", "eyJ.test.token");
        using var wrong = WithAuthorization(lakeFs, "Bearer", "eyJ.other.token");

        Assert.Equal("eyJ.test.token", lakeFs.BearerToken);
        await Api.GetJsonAsync(right, Path);
        Assert.Equal("error authenticating request", await Api.GetErrorAsync(wrong, Path, HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task Bearer_is_rejected_when_no_token_is_configured()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        using var http = WithAuthorization(lakeFs, "Bearer", "anything");

        Assert.Null(lakeFs.BearerToken);
        Assert.Equal("error authenticating request", await Api.GetErrorAsync(http, Path, HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task Key_pair_in_the_bearer_scheme_is_rejected()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync(new LakeFsEmulatorOptions { BearerToken = "token" });
        using var http = WithAuthorization(lakeFs, "Bearer", Basic(lakeFs.AccessKeyId, lakeFs.SecretAccessKey));

        await Api.GetErrorAsync(http, Path, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Without_required_authentication_anonymous_requests_are_answered()
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync(new LakeFsEmulatorOptions { RequireAuthentication = false });
        var runId = lakeFs.AddRun(Api.Repo, "main", "c1", "pre-commit");
        using var http = new HttpClient { BaseAddress = lakeFs.Endpoint };

        var (ids, _) = await Api.ListRunsAsync(http);

        Assert.Equal([runId], ids);
    }

    [Theory]
    [InlineData("api/v1/repositories")]
    [InlineData("api/v1/repositories/repo/actions/runs")]
    [InlineData("api/v1/repositories/repo/actions/runs/{run}")]
    [InlineData("api/v1/repositories/repo/actions/runs/{run}/hooks")]
    [InlineData("api/v1/repositories/repo/actions/runs/{run}/hooks/0000_0000/output")]
    [InlineData("api/v1/repositories/unknown-repository")]
    public async Task Every_endpoint_requires_authentication_before_revealing_anything(string template)
    {
        await using var lakeFs = await Api.StartWithRepositoryAsync();
        var runId = lakeFs.AddRun(Api.Repo, "main", "c1", "pre-commit", [EmulatedHook.Completed("a", "h", "secret log")]);
        using var http = new HttpClient { BaseAddress = lakeFs.Endpoint };

        var message = await Api.GetErrorAsync(http, template.Replace("{run}", runId, StringComparison.Ordinal), HttpStatusCode.Unauthorized);

        Assert.Equal("error authenticating request", message);
    }

    private static HttpClient WithAuthorization(LakeFsActionsEmulator lakeFs, string scheme, string parameter)
    {
        var http = new HttpClient { BaseAddress = lakeFs.Endpoint };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"{scheme} {parameter}");
        return http;
    }

    private static string Basic(string accessKeyId, string secret) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{accessKeyId}:{secret}"));
}
