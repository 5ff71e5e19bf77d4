using Newtonsoft.Json;

namespace LakeFs.Actions.Client;

/// <summary>
/// The JSON settings the client reads lakeFS responses with. Use them to read lakeFS payloads of your
/// own (for example a webhook body you stored) exactly as the client would.
/// </summary>
public static class LakeFsJson
{
    /// <summary>Creates a new instance of the serializer settings the client uses.</summary>
    /// <returns>Settings that map Go's zero time to <c>null</c>, keep unknown status values and unknown fields.</returns>
    public static JsonSerializerSettings CreateSerializerSettings()
    {
        var settings = new JsonSerializerSettings();
        Configure(settings);
        return settings;
    }

    /// <summary>Reads a lakeFS JSON document into a model type such as <see cref="ActionRun"/> or <see cref="HookRun"/>.</summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="JsonException">The text is not valid JSON for <typeparamref name="T"/>.</exception>
    public static T Deserialize<T>(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonConvert.DeserializeObject<T>(json, Settings)
            ?? throw new JsonSerializationException($"The JSON document is null; expected {typeof(T).Name}.");
    }

    internal static JsonSerializerSettings Settings { get; } = CreateSerializerSettings();

    /// <summary>
    /// One serializer over <see cref="Settings"/>, shared by every read of a response: it is never changed after
    /// it is made, and Json.NET keeps a read's state in the reader it creates per call, so concurrent reads are safe.
    /// </summary>
    internal static JsonSerializer Serializer { get; } = JsonSerializer.Create(Settings);

    internal static void Configure(JsonSerializerSettings settings)
    {
        // Dates are parsed by the typed properties; untyped extension data keeps them as strings.
        settings.DateParseHandling = DateParseHandling.None;
        settings.MaxDepth = 64;

        // Converters are attached per type and per property by the (cached) contract resolver, never to the
        // global list, which Newtonsoft.Json consults for every value it reads.
        settings.ContractResolver = LakeFsContractResolver.Instance;
    }
}
