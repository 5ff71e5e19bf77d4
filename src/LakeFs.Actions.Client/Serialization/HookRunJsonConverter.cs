using Newtonsoft.Json;

namespace LakeFs.Actions.Client;

/// <summary>
/// Reads a <see cref="HookRun"/> token by token, as <see cref="ActionRunJsonConverter"/> reads a run: same
/// results and errors as the contract-based reading with the client's settings (a skipped hook's zero start time
/// as null, unknown status values and unknown fields kept).
/// </summary>
/// <remarks>
/// Writing is left to the contract. A test fails when the OpenAPI document gives <see cref="HookRun"/> a field
/// that <see cref="Fields"/> does not list.
/// </remarks>
internal sealed class HookRunJsonConverter : JsonConverter
{
    /// <summary>The wire names this converter reads, in the document's order.</summary>
    internal static readonly string[] Fields = ["hook_run_id", "action", "hook_id", "start_time", "end_time", "status"];

    /// <summary>The wire names this converter rejects a model without.</summary>
    internal static IEnumerable<string> RequiredFields => Fields.Where((_, i) => (Required & (1 << i)) != 0);

    public static HookRunJsonConverter Instance { get; } = new();

    public override bool CanWrite => false;

    public override bool CanConvert(Type objectType) => objectType == typeof(HookRun);

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        if (!WireTokenReader.StartObject(reader, typeof(HookRun)))
        {
            return null;
        }

        var hook = new HookRun();
        var seen = 0;
        while (WireTokenReader.NextProperty(reader, typeof(HookRun)))
        {
            var name = (string)reader.Value!;
            var field = FieldOf(name);
            switch (field)
            {
                case 0:
                    hook.HookRunId = WireTokenReader.RequiredString(reader, "hook_run_id");
                    break;
                case 1:
                    hook.Action = WireTokenReader.RequiredString(reader, "action");
                    break;
                case 2:
                    hook.HookId = WireTokenReader.RequiredString(reader, "hook_id");
                    break;
                case 3:
                    hook.StartTime = WireTokenReader.Time(reader);
                    break;
                case 4:
                    hook.EndTime = WireTokenReader.Time(reader);
                    break;
                case 5:
                    hook.Status = new HookStatus(WireTokenReader.StatusString(reader, "status", typeof(HookStatus)));
                    break;
                default:
                    hook.AdditionalProperties[name] = WireTokenReader.ExtensionValue(reader)!;
                    continue;
            }

            seen |= 1 << field;
        }

        if (seen != Required)
        {
            ThrowMissing(reader, seen);
        }

        return hook;
    }

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) =>
        throw new NotSupportedException("HookRun is written by its contract.");

    // hook_run_id, action, hook_id and status are required; the times are optional.
    private const int Required = 0b100111;

    private static int FieldOf(string name) => name switch
    {
        "hook_run_id" => 0,
        "action" => 1,
        "hook_id" => 2,
        "start_time" => 3,
        "end_time" => 4,
        "status" => 5,
        _ => Array.FindIndex(Fields, f => string.Equals(f, name, StringComparison.OrdinalIgnoreCase)),
    };

    private static void ThrowMissing(JsonReader reader, int seen)
    {
        for (var i = 0; i < Fields.Length; i++)
        {
            if ((Required & (1 << i)) != 0 && (seen & (1 << i)) == 0)
            {
                throw WireTokenReader.Missing(reader, Fields[i]);
            }
        }
    }
}
