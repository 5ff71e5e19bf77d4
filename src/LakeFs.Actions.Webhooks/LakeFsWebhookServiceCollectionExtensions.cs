using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LakeFs.Actions.Webhooks;

/// <summary>Registers <see cref="LakeFsWebhookOptions"/>, validated at start-up.</summary>
public static class LakeFsWebhookServiceCollectionExtensions
{
    /// <summary>Registers the default <see cref="LakeFsWebhookOptions"/>, to be bound e.g. with <c>.BindConfiguration("LakeFsWebhooks")</c> on the result.</summary>
    /// <param name="services">The services.</param>
    /// <returns>The options builder, for binding configuration or adding validation.</returns>
    public static OptionsBuilder<LakeFsWebhookOptions> AddLakeFsWebhooks(this IServiceCollection services) =>
        services.AddLakeFsWebhooks(Options.DefaultName, configure: null);

    /// <summary>Registers the default <see cref="LakeFsWebhookOptions"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The options builder, for binding configuration or adding validation.</returns>
    public static OptionsBuilder<LakeFsWebhookOptions> AddLakeFsWebhooks(this IServiceCollection services, Action<LakeFsWebhookOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddLakeFsWebhooks(Options.DefaultName, configure);
    }

    /// <summary>
    /// Registers named <see cref="LakeFsWebhookOptions"/>, for endpoints with their own secret or deadline: pass the name
    /// to <see cref="LakeFsWebhookEndpointRouteBuilderExtensions.MapLakeFsWebhook"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The options name.</param>
    /// <param name="configure">Sets the options; may be null.</param>
    /// <returns>The options builder.</returns>
    public static OptionsBuilder<LakeFsWebhookOptions> AddLakeFsWebhooks(this IServiceCollection services, string name, Action<LakeFsWebhookOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LakeFsWebhookOptions>, LakeFsWebhookOptionsValidator>());
        var builder = services.AddOptions<LakeFsWebhookOptions>(name);
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        return builder.ValidateOnStart();
    }
}
