using LakeFs.Actions.Client;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LakeFs.Actions.Cli;

/// <summary>
/// Writes the client's models as JSON with lakeFS's wire field names (<c>run_id</c>, <c>commit_id</c>,
/// <c>hook_run_id</c>, ...), using the client's own <see cref="LakeFsJson"/> settings: one object per line.
/// </summary>
internal sealed class JsonLineWriter
{
    private readonly TextWriter _writer;
    private readonly JsonSerializer _serializer;

    public JsonLineWriter(TextWriter writer)
    {
        _writer = writer;
        var settings = LakeFsJson.CreateSerializerSettings();
        settings.Formatting = Formatting.None;
        _serializer = JsonSerializer.Create(settings);
    }

    /// <summary>The JSON object of a model, for adding fields to it.</summary>
    public JObject ToObject(object value) => JObject.FromObject(value, _serializer);

    /// <summary>Writes <paramref name="value"/> on one line.</summary>
    public async Task WriteLineAsync(object value, CancellationToken cancellationToken)
    {
        var token = value as JToken ?? ToObject(value);
        await _writer.WriteLineAsync(token.ToString(Formatting.None).AsMemory(), cancellationToken);
    }
}
