using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace LakeFs.Actions.Client;

/// <summary>
/// Decides, once per type (contract resolvers cache what they resolve), how each lakeFS model is read and
/// written, so that no converter sits in the settings' global list (Newtonsoft.Json asks every converter in
/// that list <c>CanConvert</c> for every value it reads):
/// <list type="bullet">
/// <item>the hot models <see cref="ActionRun"/> and <see cref="HookRun"/> are read by their own token-reading
/// converters (<see cref="ActionRunJsonConverter"/>, <see cref="HookRunJsonConverter"/>);</item>
/// <item>every <see cref="DateTimeOffset"/> property gets <see cref="GoZeroTimeConverter"/> (Go's zero time reads
/// as null; UTC is written with <c>Z</c>);</item>
/// <item>a model's declared fields stay out of its <c>AdditionalProperties</c>. Newtonsoft.Json does not set a
/// property whose value reads as null when the property ignores nulls, and then stores the raw JSON value as
/// extension data instead: Go's zero time ended up in <c>AdditionalProperties["start_time"]</c> of every
/// skipped hook and was written back out when the model was serialized.</item>
/// </list>
/// </summary>
internal sealed class LakeFsContractResolver : DefaultContractResolver
{
    private readonly bool _modelConverters;

    /// <param name="modelConverters">False reads <see cref="ActionRun"/> and <see cref="HookRun"/> by their contracts too (for tests that compare both ways).</param>
    internal LakeFsContractResolver(bool modelConverters = true) => _modelConverters = modelConverters;

    /// <summary>The shared instance.</summary>
    public static LakeFsContractResolver Instance { get; } = new();

    protected override JsonObjectContract CreateObjectContract(Type objectType)
    {
        var contract = base.CreateObjectContract(objectType);
        if (!_modelConverters)
        {
        }
        else if (objectType == typeof(ActionRun))
        {
            contract.Converter = ActionRunJsonConverter.Instance;
        }
        else if (objectType == typeof(HookRun))
        {
            contract.Converter = HookRunJsonConverter.Instance;
        }

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

    protected override JsonProperty CreateProperty(System.Reflection.MemberInfo member, MemberSerialization memberSerialization)
    {
        var property = base.CreateProperty(member, memberSerialization);
        if (property.Converter is null && (property.PropertyType == typeof(DateTimeOffset) || property.PropertyType == typeof(DateTimeOffset?)))
        {
            property.Converter = GoZeroTimeConverter.Instance;
        }

        return property;
    }
}
