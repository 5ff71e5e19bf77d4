using LakeFs.Actions.Webhooks;
using Microsoft.Extensions.Options;

namespace LakeFs.Actions.Samples.RequireOwner;

/// <summary>
/// The service: <c>POST /hooks/require-owner</c> runs <see cref="OwnerRule"/>, <c>GET /healthz</c> answers <c>Healthy</c>.
/// Configuration: the <c>RequireOwner</c> section (<see cref="RequireOwnerOptions"/>) and the <c>LakeFsWebhooks</c>
/// section (<see cref="LakeFsWebhookOptions"/>: <c>Secret</c>, best from the environment as <c>LakeFsWebhooks__Secret</c>).
/// </summary>
public static class RequireOwnerApp
{
    /// <summary>The hook route lakeFS posts to.</summary>
    public const string HookRoute = "/hooks/require-owner";

    /// <summary>The health route.</summary>
    public const string HealthRoute = "/healthz";

    /// <summary>Builds the application.</summary>
    /// <param name="args">Command-line arguments, e.g. <c>--urls http://127.0.0.1:8089</c>.</param>
    /// <param name="configure">Changes to the builder before it is built (tests add configuration or services here).</param>
    /// <returns>The application, not started.</returns>
    /// <exception cref="OptionsValidationException">The webhook options are invalid.</exception>
    /// <exception cref="ArgumentException">A branch pattern is malformed.</exception>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Services.AddLakeFsWebhooks().BindConfiguration("LakeFsWebhooks");
        builder.Services.AddOptions<RequireOwnerOptions>().BindConfiguration(RequireOwnerOptions.Section);
        builder.Services.AddSingleton(services => new OwnerRule(services.GetRequiredService<IOptions<RequireOwnerOptions>>().Value));
        builder.Services.AddHealthChecks();
        configure?.Invoke(builder);

        var app = builder.Build();
        var rule = app.Services.GetRequiredService<OwnerRule>();
        app.MapHealthChecks(HealthRoute);
        app.MapLakeFsWebhook(HookRoute, (hookEvent, _) => Task.FromResult(rule.Check(hookEvent)));
        return app;
    }
}
