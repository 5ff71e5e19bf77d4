using LakeFs.Actions.Client;
using Microsoft.Extensions.Configuration;

namespace LakeFs.Actions.Samples.Audit;

/// <summary>Whether a real lakeFS is configured, by the same rules as <c>AddLakeFsActionsClient()</c>.</summary>
internal static class AuditConnection
{
    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{LakeFsClientOptions.SectionName}:{nameof(LakeFsClientOptions.Endpoint)}"])
        || LakectlConfiguration.Load().IsConfigured;
}
