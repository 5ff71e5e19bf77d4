using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LakeFs.Actions.Client.Tests.Reliability;

/// <summary>Unusable options fail at construction (and at DI start-up) with a message naming the setting.</summary>
public sealed class InvalidOptionsTests
{
    public static TheoryData<string, string> InvalidSettings() => new()
    {
        { "no endpoint", "Endpoint is required" },
        { "relative endpoint", "Endpoint must be an absolute" },
        { "ftp endpoint", "Endpoint must use http or https" },
        { "file endpoint", "Endpoint must use http or https" },
        { "endpoint with user info", "Endpoint must not contain" },
        { "key id without secret", "SecretAccessKey is required" },
        { "secret without key id", "AccessKeyId is required" },
        { "blank bearer token", "BearerToken must not be empty" },
        { "negative retries", "Retry.MaxRetries must be 0 or more" },
        { "negative base delay", "Retry.BaseDelay must not be negative" },
        { "negative max delay", "Retry.MaxDelay must not be negative" },
        { "max delay below base delay", "Retry.MaxDelay" },
        { "zero timeout", "Timeout must be positive" },
        { "negative timeout", "Timeout must be positive" },
        { "page size 0", "PageSize must be between 1 and 1000" },
        { "page size 1001", "PageSize must be between 1 and 1000" },
    };

    private static void Apply(string setting, LakeFsClientOptions options)
    {
        options.Endpoint = new Uri("https://lakefs.example.com");
        switch (setting)
        {
            case "no endpoint": options.Endpoint = null; break;
            case "relative endpoint": options.Endpoint = new Uri("/api/v1", UriKind.Relative); break;
            case "ftp endpoint": options.Endpoint = new Uri("ftp://lakefs.example.com"); break;
            case "file endpoint": options.Endpoint = new Uri("file:///etc/passwd"); break;
            case "endpoint with user info": options.Endpoint = new Uri("https://user:pass@lakefs.example.com"); break;
            case "key id without secret": options.AccessKeyId = "AKIA"; break;
            case "secret without key id": options.SecretAccessKey = "secret"; break;
            case "blank bearer token": options.BearerToken = "  "; break;
            case "negative retries": options.Retry.MaxRetries = -1; break;
            case "negative base delay": options.Retry.BaseDelay = TimeSpan.FromMilliseconds(-1); break;
            case "negative max delay": options.Retry.MaxDelay = TimeSpan.FromSeconds(-5); break;
            case "max delay below base delay": options.Retry.BaseDelay = TimeSpan.FromSeconds(10); options.Retry.MaxDelay = TimeSpan.FromSeconds(1); break;
            case "zero timeout": options.Timeout = TimeSpan.Zero; break;
            case "negative timeout": options.Timeout = TimeSpan.FromSeconds(-1); break;
            case "page size 0": options.PageSize = 0; break;
            case "page size 1001": options.PageSize = 1001; break;
            default: throw new ArgumentOutOfRangeException(nameof(setting), setting, null);
        }
    }

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void The_constructor_refuses_invalid_options_naming_the_setting(string setting, string expected)
    {
        var options = new LakeFsClientOptions();
        Apply(setting, options);

        var error = Assert.Throws<ArgumentException>(() => new LakeFsActionsClient(options));

        Assert.Equal("options", error.ParamName);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("user:pass", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void Dependency_injection_refuses_invalid_options_at_start_up_naming_the_setting(string setting, string expected)
    {
        var services = new ServiceCollection();
        services.AddLakeFsActionsClient(options => Apply(setting, options));
        using var provider = services.BuildServiceProvider();

        var atStartUp = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        var atResolution = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ILakeFsActionsClient>());

        Assert.Contains(expected, atStartUp.Message, StringComparison.Ordinal);
        Assert.Contains(expected, atResolution.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var options = new LakeFsClientOptions { AccessKeyId = "AKIA", Retry = { MaxRetries = -3 }, PageSize = -1 };

        var error = Assert.Throws<ArgumentException>(() => new LakeFsActionsClient(options));

        Assert.Contains("Endpoint is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("SecretAccessKey is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("Retry.MaxRetries", error.Message, StringComparison.Ordinal);
        Assert.Contains("PageSize", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_retry_options_are_refused_not_a_null_reference()
    {
        var options = new LakeFsClientOptions { Endpoint = new Uri("https://lakefs.example.com"), Retry = null! };

        var error = Assert.Throws<ArgumentException>(() => new LakeFsActionsClient(options));

        Assert.Contains("Retry must not be null", error.Message, StringComparison.Ordinal);
    }
}
