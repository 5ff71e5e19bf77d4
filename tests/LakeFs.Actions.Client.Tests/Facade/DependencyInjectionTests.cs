using System.Text;
using LakeFs.Actions.Client.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static LakeFs.Actions.Client.Tests.Infrastructure.LakeFsBodies;

namespace LakeFs.Actions.Client.Tests.Facade;

/// <summary>
/// AddLakeFsActionsClient in each of its forms resolves a working client, validates options at start-up and
/// lets callers add handlers. The tests that set LAKECTL_* variables live in this class only, so no
/// parallel test sees them (xunit runs one class's tests one after another).
/// </summary>
public sealed class DependencyInjectionTests : IDisposable
{
    private readonly WireMockLakeFs _lakeFs = new();

    public DependencyInjectionTests() => _lakeFs.Json("/repositories/repo", Repository("repo").ToString());

    public void Dispose() => _lakeFs.Dispose();

    private static string Basic(string key, string secret) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(key + ":" + secret));

    private string? AuthorizationSeen => Assert.Single(_lakeFs.Requests).RequestMessage.Headers!.TryGetValue("Authorization", out var value) ? value.Single() : null;

    [Fact]
    public async Task Configured_in_code_resolves_a_working_client()
    {
        var services = new ServiceCollection();
        services.AddLakeFsActionsClient(o => (o.Endpoint, o.AccessKeyId, o.SecretAccessKey) = (_lakeFs.Endpoint, "AK", "SK"));
        await using var provider = services.BuildServiceProvider(validateScopes: true);

        var repository = await provider.GetRequiredService<ILakeFsRepositoriesClient>().GetRepositoryAsync("repo");

        Assert.Equal("repo", repository.Id);
        Assert.Equal(Basic("AK", "SK"), AuthorizationSeen);
    }

    [Fact]
    public async Task Configured_from_a_configuration_section_binds_nested_settings()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LakeFs:Endpoint"] = _lakeFs.Server.Url + "/api/v1",
            ["LakeFs:BearerToken"] = "eyJ.from.config",
            ["LakeFs:PageSize"] = "42",
            ["LakeFs:Retry:MaxRetries"] = "0",
        }).Build();
        var services = new ServiceCollection();
        services.AddLakeFsActionsClient(configuration.GetSection(LakeFsClientOptions.SectionName));
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<LakeFsClientOptions>>().Value;
        await provider.GetRequiredService<ILakeFsRepositoriesClient>().GetRepositoryAsync("repo");

        Assert.Equal(42, options.PageSize);
        Assert.Equal(0, options.Retry.MaxRetries);
        Assert.Equal("Bearer eyJ.from.config", AuthorizationSeen);
    }

    [Fact]
    public async Task Configured_the_lakectl_way_reads_the_environment()
    {
        using var environment = new LakectlEnvironment(_lakeFs.Server.Url, "AKENV", "SKENV", configFile: null);
        var services = new ServiceCollection();
        services.AddLakeFsActionsClient();
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<ILakeFsRepositoriesClient>().GetRepositoryAsync("repo");

        Assert.Equal(Basic("AKENV", "SKENV"), AuthorizationSeen);
    }

    [Fact]
    public async Task Configured_the_lakectl_way_reads_the_lakectl_file()
    {
        var file = Path.Combine(Path.GetTempPath(), $"lakectl-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, $"""
            credentials:
              access_key_id: AKFILE
              secret_access_key: SKFILE
            server:
              endpoint_url: {_lakeFs.Server.Url}/api/v1
            """);
        try
        {
            using var environment = new LakectlEnvironment(endpoint: null, accessKeyId: null, secretAccessKey: null, configFile: file);
            var services = new ServiceCollection();
            services.AddLakeFsActionsClient();
            await using var provider = services.BuildServiceProvider();

            await provider.GetRequiredService<ILakeFsRepositoriesClient>().GetRepositoryAsync("repo");

            Assert.Equal(Basic("AKFILE", "SKFILE"), AuthorizationSeen);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Configured_the_lakectl_way_prefers_the_LakeFs_section_over_the_environment()
    {
        using var environment = new LakectlEnvironment("http://unused.invalid", "AKENV", "SKENV", configFile: null);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LakeFs:Endpoint"] = _lakeFs.Server.Url,
            ["LakeFs:AccessKeyId"] = "AKSECTION",
            ["LakeFs:SecretAccessKey"] = "SKSECTION",
        }).Build());
        services.AddLakeFsActionsClient();
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<ILakeFsRepositoriesClient>().GetRepositoryAsync("repo");

        Assert.Equal(Basic("AKSECTION", "SKSECTION"), AuthorizationSeen);
    }

    [Fact]
    public async Task Named_registrations_resolve_as_keyed_services_each_with_its_own_settings()
    {
        using var other = new WireMockLakeFs();
        other.Json("/repositories/repo", Repository("other-repo").ToString());
        var services = new ServiceCollection();
        services.AddLakeFsActionsClient("prod", o => (o.Endpoint, o.AccessKeyId, o.SecretAccessKey) = (_lakeFs.Endpoint, "AKPROD", "SKPROD"));
        services.AddLakeFsActionsClient("staging", o => (o.Endpoint, o.BearerToken) = (other.Endpoint, "eyJ.staging"));
        await using var provider = services.BuildServiceProvider();

        var prod = await provider.GetRequiredKeyedService<ILakeFsRepositoriesClient>("prod").GetRepositoryAsync("repo");
        var staging = await provider.GetRequiredKeyedService<ILakeFsRepositoriesClient>("staging").GetRepositoryAsync("repo");

        Assert.Equal("repo", prod.Id);
        Assert.Equal("other-repo", staging.Id);
        Assert.Equal(Basic("AKPROD", "SKPROD"), AuthorizationSeen);
        Assert.Equal("Bearer eyJ.staging", Assert.Single(other.Requests).RequestMessage.Headers!["Authorization"].Single());
    }

    [Fact]
    public async Task The_default_registration_also_resolves_as_a_keyed_service_under_the_default_name()
    {
        var services = new ServiceCollection();
        services.AddLakeFsActionsClient(o => o.Endpoint = _lakeFs.Endpoint);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredKeyedService<ILakeFsRepositoriesClient>(Options.DefaultName).GetRepositoryAsync("repo");

        Assert.Single(_lakeFs.Requests);
    }

    [Fact]
    public void Invalid_options_fail_at_start_up_naming_the_setting()
    {
        var services = new ServiceCollection();
        services.AddLakeFsActionsClient(o => (o.AccessKeyId, o.SecretAccessKey) = ("AK", "SK"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Endpoint is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_named_options_name_the_registration_and_the_setting()
    {
        var services = new ServiceCollection();
        services.AddLakeFsActionsClient(o => o.Endpoint = _lakeFs.Endpoint);
        services.AddLakeFsActionsClient("prod", o => (o.Endpoint, o.AccessKeyId) = (_lakeFs.Endpoint, "AKPROD"));
        using var provider = services.BuildServiceProvider();

        var atStartUp = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        var onResolve = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredKeyedService<ILakeFsActionsClient>("prod"));

        Assert.Contains("'prod'", atStartUp.Message, StringComparison.Ordinal);
        Assert.Contains("SecretAccessKey is required", atStartUp.Message, StringComparison.Ordinal);
        Assert.Contains("SecretAccessKey is required", onResolve.Message, StringComparison.Ordinal);
        Assert.NotNull(provider.GetRequiredService<ILakeFsActionsClient>());
    }

    [Fact]
    public async Task A_handler_added_to_the_returned_builder_sees_every_request()
    {
        var seen = new List<string>();
        var services = new ServiceCollection();
        services.AddLakeFsActionsClient(o => (o.Endpoint, o.AccessKeyId, o.SecretAccessKey) = (_lakeFs.Endpoint, "AK", "SK"))
            .AddHttpMessageHandler(() => new RecordingHandler(seen));
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<ILakeFsRepositoriesClient>().GetRepositoryAsync("repo");

        Assert.Equal([$"GET {_lakeFs.Server.Url}/api/v1/repositories/repo Basic"], seen);
    }

    [Fact]
    public async Task The_client_uses_the_registered_TimeProvider_for_retry_delays()
    {
        var clock = new TimerRecordingClock();
        _lakeFs.Sequence("/repositories/slow", WireMockLakeFs.JsonResponse(429, Error("slow down"), ("Retry-After", "12")), WireMockLakeFs.JsonResponse(200, Repository("slow").ToString()));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddLakeFsActionsClient(o => (o.Endpoint, o.Timeout) = (_lakeFs.Endpoint, Timeout.InfiniteTimeSpan));
        await using var provider = services.BuildServiceProvider();

        var repository = await clock.DriveAsync(provider.GetRequiredService<ILakeFsRepositoriesClient>().GetRepositoryAsync("slow"));

        Assert.Equal("slow", repository.Id);
        Assert.Equal([TimeSpan.FromSeconds(12)], clock.Delays);
    }

    private sealed class RecordingHandler(List<string> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (seen)
            {
                seen.Add($"{request.Method} {request.RequestUri} {request.Headers.Authorization?.Scheme}");
            }

            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>Sets the LAKECTL_* variables for the life of the object and restores them after.</summary>
    private sealed class LakectlEnvironment : IDisposable
    {
        private static readonly string[] Names =
            [LakectlConfiguration.EndpointVariable, LakectlConfiguration.AccessKeyIdVariable, LakectlConfiguration.SecretAccessKeyVariable, LakectlConfiguration.ConfigFileVariable];

        private readonly Dictionary<string, string?> _saved = Names.ToDictionary(n => n, Environment.GetEnvironmentVariable);

        public LakectlEnvironment(string? endpoint, string? accessKeyId, string? secretAccessKey, string? configFile)
        {
            Environment.SetEnvironmentVariable(LakectlConfiguration.EndpointVariable, endpoint);
            Environment.SetEnvironmentVariable(LakectlConfiguration.AccessKeyIdVariable, accessKeyId);
            Environment.SetEnvironmentVariable(LakectlConfiguration.SecretAccessKeyVariable, secretAccessKey);

            // Without a file of its own, point at an empty one so a developer's ~/.lakectl.yaml cannot leak in.
            Environment.SetEnvironmentVariable(LakectlConfiguration.ConfigFileVariable, configFile ?? EmptyFile);
        }

        private static string EmptyFile { get; } = CreateEmptyFile();

        public void Dispose()
        {
            foreach (var (name, value) in _saved)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }

        private static string CreateEmptyFile()
        {
            var path = Path.Combine(Path.GetTempPath(), $"lakectl-empty-{Environment.ProcessId}.yaml");
            File.WriteAllText(path, string.Empty);
            return path;
        }
    }
}
