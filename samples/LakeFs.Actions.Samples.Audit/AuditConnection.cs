using LakeFs.Actions.Client;
using Microsoft.Extensions.Configuration;

namespace LakeFs.Actions.Samples.Audit;

/// <summary>Whether a real lakeFS is configured, by the same rules as <c>AddLakeFsActionsClient()</c>.</summary>
internal static class AuditConnection
{
    private static readonly string EndpointKey = $"{LakeFsClientOptions.SectionName}:{nameof(LakeFsClientOptions.Endpoint)}";

    /// <summary>True when an endpoint is configured in the <c>LakeFs</c> section, the lakectl variables or file.</summary>
    /// <param name="configuration">The application's configuration.</param>
    /// <returns>Whether a server is configured.</returns>
    /// <exception cref="InvalidOperationException">A setting is present but empty or invalid; the message names it.</exception>
    public static bool IsConfigured(IConfiguration configuration)
    {
        var endpoint = configuration[EndpointKey];
        if (endpoint is not null && string.IsNullOrWhiteSpace(endpoint))
        {
            throw new InvalidOperationException($"{EndpointKey} is set but empty: give it a value, or remove it.");
        }

        var lakectl = LakectlConfiguration.Load();
        if (endpoint is null && !lakectl.IsConfigured && (lakectl.AccessKeyId is not null || lakectl.SecretAccessKey is not null))
        {
            throw new InvalidOperationException(
                $"credentials are configured but no lakeFS server: set {EndpointKey}, {LakectlConfiguration.EndpointVariable} or server.endpoint_url in ~/.lakectl.yaml.");
        }

        return endpoint is not null || lakectl.IsConfigured;
    }

    /// <summary>True when the <c>CI</c> variable is set (and not to <c>false</c> or <c>0</c>): the demo server is then used only with <c>--demo</c>.</summary>
    /// <returns>Whether this is a CI run.</returns>
    public static bool IsContinuousIntegration() =>
        Environment.GetEnvironmentVariable("CI") is { } value && value.Trim() is not ("0" or "") && !value.Trim().Equals("false", StringComparison.OrdinalIgnoreCase);
}
