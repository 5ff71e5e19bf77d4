using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LakeFs.Actions.Client;

/// <summary>
/// Registers <see cref="ILakeFsActionsClient"/> and <see cref="ILakeFsRepositoriesClient"/> as typed clients of
/// <see cref="IHttpClientFactory"/>, with options validated at start-up.
/// </summary>
/// <remarks>
/// Both clients of one registration use the same named <see cref="HttpClient"/>, so they share its handler chain
/// (one connection pool, your handlers) and one options instance. Each method returns the
/// <see cref="IHttpClientBuilder"/>, so you can add your own message handlers.
/// </remarks>
public static class LakeFsServiceCollectionExtensions
{
    /// <summary>Name of the <see cref="HttpClient"/> of the default (unnamed) registration.</summary>
    public const string HttpClientName = "LakeFs.Actions.Client";

    /// <summary>Registers the client configured in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets endpoint, credentials and other options.</param>
    /// <returns>The HTTP client builder, to add handlers.</returns>
    public static IHttpClientBuilder AddLakeFsActionsClient(this IServiceCollection services, Action<LakeFsClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return AddCore(services, Options.DefaultName, builder => builder.Configure(configure));
    }

    /// <summary>Registers the client configured from a configuration section (e.g. <c>configuration.GetSection("LakeFs")</c>).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section holding <c>Endpoint</c>, <c>AccessKeyId</c>, <c>SecretAccessKey</c>, <c>Retry:MaxRetries</c>, ...</param>
    /// <returns>The HTTP client builder, to add handlers.</returns>
    public static IHttpClientBuilder AddLakeFsActionsClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return AddCore(services, Options.DefaultName, builder => builder.Bind(configuration));
    }

    /// <summary>
    /// Registers the client configured the lakeFS way: the <c>LakeFs</c> configuration section when the
    /// application has an <see cref="IConfiguration"/>, then the <c>LAKECTL_*</c> environment variables, then
    /// <c>~/.lakectl.yaml</c> (or <c>LAKECTL_CONFIG_FILE</c>) for whatever is still unset.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The HTTP client builder, to add handlers.</returns>
    public static IHttpClientBuilder AddLakeFsActionsClient(this IServiceCollection services) =>
        AddCore(services, Options.DefaultName, ConfigureLakeFsWay(Options.DefaultName));

    /// <summary>
    /// Registers one of several lakeFS installations under a name. Resolve it with
    /// <c>[FromKeyedServices(name)] ILakeFsActionsClient</c> or <c>GetRequiredKeyedService&lt;ILakeFsActionsClient&gt;(name)</c>
    /// (and <see cref="ILakeFsRepositoriesClient"/> the same way).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The registration name (also the options name).</param>
    /// <param name="configure">Sets endpoint, credentials and other options.</param>
    /// <returns>The HTTP client builder, to add handlers.</returns>
    public static IHttpClientBuilder AddLakeFsActionsClient(this IServiceCollection services, string name, Action<LakeFsClientOptions> configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        return AddCore(services, name, builder => builder.Configure(configure));
    }

    private static Action<OptionsBuilder<LakeFsClientOptions>> ConfigureLakeFsWay(string name) => builder =>
    {
        builder.Configure<IServiceProvider>((options, provider) =>
        {
            if (provider.GetService<IConfiguration>() is { } configuration)
            {
                configuration.GetSection(LakeFsClientOptions.SectionName).Bind(options);
            }

            LakectlConfiguration.Load().ApplyTo(options);
        });
    };

    private static IHttpClientBuilder AddCore(IServiceCollection services, string name, Action<OptionsBuilder<LakeFsClientOptions>> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(services);
        var optionsBuilder = services.AddOptions<LakeFsClientOptions>(name);
        configureOptions(optionsBuilder);
        optionsBuilder.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LakeFsClientOptions>, LakeFsClientOptionsValidator>());

        var httpClientName = name == Options.DefaultName ? HttpClientName : HttpClientName + ":" + name;
        var builder = services.AddHttpClient(httpClientName)
            .ConfigurePrimaryHttpMessageHandler(LakeFsConnection.CreateDefaultTransport)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler(provider => new LakeFsResponseHandler(
                provider.GetService<ILoggerFactory>()?.CreateLogger<LakeFsActionsClient>(),
                provider.GetService<TimeProvider>()));

        if (name == Options.DefaultName)
        {
            builder.AddTypedClient<ILakeFsActionsClient>((httpClient, provider) => new LakeFsActionsClient(Connect(httpClient, provider, name)));
            builder.AddTypedClient<ILakeFsRepositoriesClient>((httpClient, provider) => new LakeFsRepositoriesClient(Connect(httpClient, provider, name)));
        }

        services.AddKeyedTransient<ILakeFsActionsClient>(name, (provider, _) =>
            new LakeFsActionsClient(Connect(provider.GetRequiredService<IHttpClientFactory>().CreateClient(httpClientName), provider, name)));
        services.AddKeyedTransient<ILakeFsRepositoriesClient>(name, (provider, _) =>
            new LakeFsRepositoriesClient(Connect(provider.GetRequiredService<IHttpClientFactory>().CreateClient(httpClientName), provider, name)));
        return builder;
    }

    /// <summary>A connection over an HTTP client of the registration's name (its handler chain, hence its pool, is shared) and the registration's options.</summary>
    private static LakeFsConnection Connect(HttpClient httpClient, IServiceProvider provider, string name) =>
        LakeFsConnection.Create(
            httpClient,
            provider.GetRequiredService<IOptionsMonitor<LakeFsClientOptions>>().Get(name),
            provider.GetService<ILoggerFactory>(),
            provider.GetService<TimeProvider>());
}
