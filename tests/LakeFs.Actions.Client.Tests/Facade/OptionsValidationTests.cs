namespace LakeFs.Actions.Client.Tests.Facade;

/// <summary>Invalid options fail at construction with a message naming the setting; ToString never shows a secret.</summary>
public sealed class OptionsValidationTests
{
    private static LakeFsClientOptions Valid() => new()
    {
        Endpoint = new Uri("https://lakefs.example.com"),
        AccessKeyId = "AKIAIOSFODNN7EXAMPLE",
        SecretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    };

    public static TheoryData<string, Action<LakeFsClientOptions>> InvalidSettings => new()
    {
        { "Endpoint is required", o => o.Endpoint = null },
        { "Endpoint must be an absolute", o => o.Endpoint = new Uri("/lakefs", UriKind.Relative) },
        { "Endpoint must use http or https", o => o.Endpoint = new Uri("ftp://lakefs.example.com") },
        { "Endpoint must use http or https", o => o.Endpoint = new Uri("file:///tmp/lakefs") },
        { "Endpoint must not contain a query", o => o.Endpoint = new Uri("https://lakefs.example.com/?token=x") },
        { "SecretAccessKey is required when AccessKeyId is set", o => o.SecretAccessKey = null },
        { "AccessKeyId is required when SecretAccessKey is set", o => o.AccessKeyId = " " },
        { "BearerToken must not be empty", o => o.BearerToken = "" },
        { "PageSize must be between 1 and 1000", o => o.PageSize = 0 },
        { "PageSize must be between 1 and 1000", o => o.PageSize = 1001 },
        { "Timeout must be positive", o => o.Timeout = TimeSpan.FromSeconds(-1) },
        { "Retry.MaxRetries must be 0 or more", o => o.Retry.MaxRetries = -1 },
        { "Retry.BaseDelay must not be negative", o => o.Retry.BaseDelay = TimeSpan.FromMilliseconds(-1) },
        { "Retry.MaxDelay must not be negative", o => o.Retry.MaxDelay = TimeSpan.FromMilliseconds(-1) },
        { "Retry.MaxDelay", o => o.Retry.MaxDelay = TimeSpan.FromMilliseconds(100) },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void An_invalid_setting_fails_construction_naming_it(string expected, Action<LakeFsClientOptions> spoil)
    {
        var options = Valid();
        spoil(options);

        var error = Assert.Throws<ArgumentException>(() => new LakeFsActionsClient(options));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, Assert.Single(options.Validate()), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var options = new LakeFsClientOptions { AccessKeyId = "AK", PageSize = 0, Retry = { MaxRetries = -2 } };

        var error = Assert.Throws<ArgumentException>(() => new LakeFsActionsClient(options));

        Assert.Contains("Endpoint", error.Message, StringComparison.Ordinal);
        Assert.Contains("SecretAccessKey is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("PageSize", error.Message, StringComparison.Ordinal);
        Assert.Contains("Retry.MaxRetries", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Valid_options_construct_and_need_no_credentials()
    {
        using var withKeys = new LakeFsActionsClient(Valid());
        using var anonymous = new LakeFsActionsClient(new LakeFsClientOptions { Endpoint = new Uri("http://localhost:8000/api/v1") });
        using var withToken = new LakeFsActionsClient(new LakeFsClientOptions { Endpoint = new Uri("https://lakefs.example.com"), BearerToken = "eyJ.jwt.sig" });

        Assert.Empty(Valid().Validate());
    }

    [Fact]
    public void ToString_never_shows_the_secret_or_the_token()
    {
        var options = Valid();
        options.BearerToken = "eyJhbGciOiJIUzI1NiJ9.c2VjcmV0.c2lnbmF0dXJl";

        var text = options.ToString();

        Assert.DoesNotContain(options.SecretAccessKey!, text, StringComparison.Ordinal);
        Assert.DoesNotContain("wJalrXUtnFEMI", text, StringComparison.Ordinal);
        Assert.DoesNotContain(options.BearerToken, text, StringComparison.Ordinal);
        Assert.DoesNotContain("eyJ", text, StringComparison.Ordinal);
        Assert.Contains("Endpoint=https://lakefs.example.com/", text, StringComparison.Ordinal);
        Assert.Contains("AccessKeyId=AKIAIOSFODNN7EXAMPLE", text, StringComparison.Ordinal);
        Assert.Contains("SecretAccessKey=***", text, StringComparison.Ordinal);
        Assert.Contains("BearerToken=***", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Validation_messages_never_show_the_secret()
    {
        var options = Valid();
        options.AccessKeyId = "AK:with-colon";
        options.BearerToken = "   ";

        var error = Assert.Throws<ArgumentException>(() => new LakeFsActionsClient(options));

        Assert.DoesNotContain(options.SecretAccessKey!, error.Message, StringComparison.Ordinal);
        Assert.Contains("AccessKeyId must not contain ':'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_watch_options_name_the_setting()
    {
        using var client = new LakeFsActionsClient(Valid());

        var interval = Assert.ThrowsAny<ArgumentException>(() => client.WatchRunsAsync("repo", options: new WatchOptions { PollInterval = TimeSpan.Zero }));
        var timeout = Assert.ThrowsAny<ArgumentException>(() => client.WatchRunsAsync("repo", options: new WatchOptions { Timeout = TimeSpan.FromSeconds(-1) }));

        Assert.Contains("PollInterval", interval.Message, StringComparison.Ordinal);
        Assert.Contains("Timeout", timeout.Message, StringComparison.Ordinal);
    }
}
