using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LakeFs.Actions.Webhooks;

/// <summary>Maps lakeFS webhook endpoints, minimal-API style.</summary>
public static class LakeFsWebhookEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST <paramref name="pattern"/></c> to <paramref name="handler"/>: the body is read as a
    /// <see cref="LakeFsEvent"/> and the handler's <see cref="LakeFsHookResult"/> becomes the answer lakeFS sees.
    /// </summary>
    /// <remarks>
    /// <para>Answers, all <c>text/plain</c> (lakeFS copies them into the hook log):</para>
    /// <list type="table">
    ///   <listheader><term>status</term><description>when</description></listheader>
    ///   <item><term>200</term><description>the handler passed the hook (body: its optional message)</description></item>
    ///   <item><term><see cref="LakeFsWebhookOptions.RefusalStatusCode"/> (412)</term><description>the handler failed it (body: the reason)</description></item>
    ///   <item><term>400</term><description>the body is not JSON, not an object, a field has the wrong type, or an always-present field is missing</description></item>
    ///   <item><term>401</term><description>a <see cref="LakeFsWebhookOptions.Secret"/> is configured and the request's is missing or wrong</description></item>
    ///   <item><term>413</term><description>the body is over <see cref="LakeFsWebhookOptions.MaxBodySize"/></description></item>
    ///   <item><term>415</term><description>the content type is not <c>application/json</c></description></item>
    ///   <item><term>500</term><description>the handler threw (the exception goes to the log, only its type to lakeFS)</description></item>
    ///   <item><term>503</term><description>the handler ran out of time (<see cref="LakeFsWebhookOptions.Deadline"/>)</description></item>
    /// </list>
    /// <para>The handler's token is cancelled <see cref="LakeFsWebhookOptions.CancellationMargin"/> before the deadline
    /// and when lakeFS goes away (it cancels pre-hooks when its own API caller disconnects). Time comes from the
    /// <see cref="TimeProvider"/> service when one is registered. Options are read once, here: the named
    /// <see cref="LakeFsWebhookOptions"/> (see <see cref="LakeFsWebhookServiceCollectionExtensions.AddLakeFsWebhooks(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{LakeFsWebhookOptions})"/>),
    /// or the defaults. Each call gets an activity from the source <c>LakeFs.Actions.Webhooks</c> and logs under the category of the same name.</para>
    /// </remarks>
    /// <param name="endpoints">The application or route group.</param>
    /// <param name="pattern">The route, e.g. <c>/hooks/require-owner</c>.</param>
    /// <param name="handler">Decides: gets the event and a token, returns <see cref="LakeFsHookResult.Pass"/> or <see cref="LakeFsHookResult.Fail"/>.</param>
    /// <param name="optionsName">The name of the options to use; null for the default ones.</param>
    /// <returns>The endpoint's builder, for conventions such as <c>WithName</c> or <c>RequireHost</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="OptionsValidationException">The options are invalid; the message names each setting.</exception>
    public static IEndpointConventionBuilder MapLakeFsWebhook(
        this IEndpointRouteBuilder endpoints,
        [StringSyntax("Route")] string pattern,
        Func<LakeFsEvent, CancellationToken, Task<LakeFsHookResult>> handler,
        string? optionsName = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(handler);

        var services = endpoints.ServiceProvider;
        var name = optionsName ?? Options.DefaultName;
        var options = services.GetService<IOptionsMonitor<LakeFsWebhookOptions>>()?.Get(name) ?? new LakeFsWebhookOptions();
        var validation = new LakeFsWebhookOptionsValidator().Validate(name, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(name, typeof(LakeFsWebhookOptions), validation.Failures);
        }

        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger(WebhookLog.Category) ?? NullLogger.Instance;
        var endpoint = new LakeFsWebhookEndpoint(handler, options, time, logger);
        return endpoints.MapPost(pattern, endpoint.HandleAsync);
    }
}
