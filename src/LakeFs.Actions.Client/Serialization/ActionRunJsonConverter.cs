using Newtonsoft.Json;

namespace LakeFs.Actions.Client;

/// <summary>
/// Reads an <see cref="ActionRun"/> token by token: the model of every listed run, so the hot path of a listing.
/// </summary>
/// <remarks>
/// Same results and errors as Newtonsoft.Json's contract-based reading of the generated model with the client's
/// settings (required fields, Go's zero time as null, unknown status values and unknown fields kept), at about
/// the cost of reading it with Newtonsoft's default settings. Writing is left to the contract
/// (<see cref="CanWrite"/> is false). Attached by <see cref="LakeFsContractResolver"/>; a test fails when the
/// OpenAPI document gives <see cref="ActionRun"/> a field that <see cref="Fields"/> does not list.
/// </remarks>
internal sealed class ActionRunJsonConverter : JsonConverter
{
    /// <summary>The wire names this converter reads, in the document's order.</summary>
    internal static readonly string[] Fields = ["run_id", "branch", "commit_id", "event_type", "start_time", "end_time", "status"];

    /// <summary>The wire names this converter rejects a model without.</summary>
    internal static IEnumerable<string> RequiredFields => Fields.Where((_, i) => (Required & (1 << i)) != 0);

    public static ActionRunJsonConverter Instance { get; } = new();

    public override bool CanWrite => false;

    public override bool CanConvert(Type objectType) => objectType == typeof(ActionRun);

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        if (!WireTokenReader.StartObject(reader, typeof(ActionRun)))
        {
            return null;
        }

        var run = new ActionRun();
        var seen = 0;
        while (WireTokenReader.NextProperty(reader, typeof(ActionRun)))
        {
            var name = (string)reader.Value!;
            var field = FieldOf(name);
            switch (field)
            {
                case 0:
                    run.RunId = WireTokenReader.RequiredString(reader, "run_id");
                    break;
                case 1:
                    run.Branch = WireTokenReader.RequiredString(reader, "branch");
                    break;
                case 2:
                    run.CommitId = WireTokenReader.RequiredString(reader, "commit_id");
                    break;
                case 3:
                    run.EventType = WireTokenReader.RequiredString(reader, "event_type");
                    break;
                case 4:
                    run.StartTime = WireTokenReader.Time(reader) ?? throw WireTokenReader.Error(reader, "Required property 'start_time' expects a non-null value.");
                    break;
                case 5:
                    run.EndTime = WireTokenReader.Time(reader);
                    break;
                case 6:
                    run.Status = new RunStatus(WireTokenReader.StatusString(reader, "status", typeof(RunStatus)));
                    break;
                default:
                    run.AdditionalProperties[name] = WireTokenReader.ExtensionValue(reader)!;
                    continue;
            }

            seen |= 1 << field;
        }

        if (seen != Required)
        {
            ThrowMissing(reader, seen);
        }

        return run;
    }

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) =>
        throw new NotSupportedException("ActionRun is written by its contract.");

    // Every field but end_time (index 5) is required.
    private const int Required = 0b1011111;

    private static int FieldOf(string name) => name switch
    {
        "run_id" => 0,
        "branch" => 1,
        "commit_id" => 2,
        "event_type" => 3,
        "start_time" => 4,
        "end_time" => 5,
        "status" => 6,
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
