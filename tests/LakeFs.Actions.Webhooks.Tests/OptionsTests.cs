using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LakeFs.Actions.Webhooks.Tests;

public sealed class OptionsTests
{
    [Theory]
    [InlineData("MaxBodySize", "0", "MaxBodySize must be positive")]
    [InlineData("Secret", "", "Secret is empty")]
    [InlineData("Deadline", "00:00:00", "Deadline must be positive")]
    [InlineData("CancellationMargin", "00:01:00", "CancellationMargin must be at least zero and less than Deadline")]
    [InlineData("RefusalStatusCode", "200", "RefusalStatusCode must be 400-599")]
    public void Invalid_options_fail_when_the_endpoint_is_mapped_naming_the_setting(string key, string value, string expected)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Hooks:" + key] = value });
        builder.Services.AddLakeFsWebhooks().BindConfiguration("Hooks");
        using var app = builder.Build();

        var error = Assert.Throws<OptionsValidationException>(() => app.MapLakeFsWebhook("/h", (_, _) => Task.FromResult(LakeFsHookResult.Pass())));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_with_nowhere_to_find_it_is_refused()
    {
        var options = new LakeFsWebhookOptions { Secret = "x", SecretHeaderName = null, SecretQueryParameterName = null };

        Assert.Contains(options.Validate(), e => e.Contains("neither SecretHeaderName nor SecretQueryParameterName", StringComparison.Ordinal));
    }

    [Fact]
    public void Options_bind_from_configuration_and_named_options_are_separate()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hooks:Secret"] = "abc",
            ["Hooks:Deadline"] = "00:00:25",
            ["Hooks:SecretQueryParameterName"] = "token",
        }).Build();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLakeFsWebhooks().BindConfiguration("Hooks");
        services.AddLakeFsWebhooks("other", o => o.RefusalStatusCode = 422);
        using var provider = services.BuildServiceProvider();

        var monitor = provider.GetRequiredService<IOptionsMonitor<LakeFsWebhookOptions>>();
        Assert.Equal("abc", monitor.CurrentValue.Secret);
        Assert.Equal(TimeSpan.FromSeconds(25), monitor.CurrentValue.Deadline);
        Assert.Equal("token", monitor.CurrentValue.SecretQueryParameterName);
        Assert.Equal(422, monitor.Get("other").RefusalStatusCode);
        Assert.Null(monitor.Get("other").Secret);
    }

    [Fact]
    public void Results_and_arguments_are_checked()
    {
        Assert.Throws<ArgumentException>(() => LakeFsHookResult.Fail(" "));
        Assert.Equal("failed: no", LakeFsHookResult.Fail("no").ToString());
        Assert.Equal("passed", LakeFsHookResult.Pass().ToString());
        var app = WebApplication.CreateSlimBuilder().Build();
        Assert.Throws<ArgumentNullException>(() => app.MapLakeFsWebhook("/h", null!));
    }
}
