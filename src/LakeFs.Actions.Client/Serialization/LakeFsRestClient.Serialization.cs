namespace LakeFs.Actions.Client;

/// <summary>Hooks the library's JSON settings into the generated REST client.</summary>
internal partial class LakeFsRestClient
{
    static partial void UpdateJsonSerializerSettings(Newtonsoft.Json.JsonSerializerSettings settings) =>
        LakeFsJson.Configure(settings);
}
