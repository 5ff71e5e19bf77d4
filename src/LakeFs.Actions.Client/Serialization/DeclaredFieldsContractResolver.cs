using Newtonsoft.Json.Serialization;

namespace LakeFs.Actions.Client.Serialization;

/// <summary>
/// Keeps a model's declared fields out of its <c>AdditionalProperties</c>. Newtonsoft.Json does not set a
/// property whose value reads as null when the property ignores nulls, and then stores the raw JSON value
/// as extension data instead: Go's zero time (<c>0001-01-01T00:00:00Z</c>), which
/// <see cref="GoZeroTimeConverter"/> reads as null, ended up in <c>AdditionalProperties["start_time"]</c>
/// of every skipped hook and was written back out when the model was serialized.
/// </summary>
internal sealed class DeclaredFieldsContractResolver : DefaultContractResolver
{
    /// <summary>The shared instance (contract resolvers cache what they resolve).</summary>
    public static DeclaredFieldsContractResolver Instance { get; } = new();

    protected override JsonObjectContract CreateObjectContract(Type objectType)
    {
        var contract = base.CreateObjectContract(objectType);
        if (contract.ExtensionDataSetter is { } setExtensionData)
        {
            var declared = contract.Properties;
            contract.ExtensionDataSetter = (target, key, value) =>
            {
                if (!declared.Contains(key))
                {
                    setExtensionData(target, key, value);
                }
            };
        }

        return contract;
    }
}
