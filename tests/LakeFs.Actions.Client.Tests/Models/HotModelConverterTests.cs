using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using YamlDotNet.RepresentationModel;

namespace LakeFs.Actions.Client.Tests.Models;

/// <summary>
/// <see cref="ActionRun"/> and <see cref="HookRun"/> are read by hand-written token-reading converters (the hot path
/// of listings). These tests keep them in step with the OpenAPI document and with what Newtonsoft.Json's own
/// contract-based reading of the generated models gives.
/// </summary>
public class HotModelConverterTests
{
    private static readonly JsonSerializerSettings ContractOnly = CreateContractOnlySettings();

    public static TheoryData<string, string[], string[]> Converters => new()
    {
        { "ActionRun", ActionRunJsonConverter.Fields, [.. ActionRunJsonConverter.RequiredFields] },
        { "HookRun", HookRunJsonConverter.Fields, [.. HookRunJsonConverter.RequiredFields] },
    };

    [Theory]
    [MemberData(nameof(Converters))]
    public void The_converter_reads_exactly_the_fields_of_the_document(string schema, string[] fields, string[] required)
    {
        var document = LoadSchema(schema);
        var properties = ((YamlMappingNode)document.Children[new YamlScalarNode("properties")]).Children.Keys.Select(k => k.ToString()).ToList();
        var documentRequired = ((YamlSequenceNode)document.Children[new YamlScalarNode("required")]).Children.Select(k => k.ToString());

        Assert.Equal(properties.Order(), fields.Order());
        Assert.Equal(documentRequired.Order(), required.Order());
    }

    [Theory]
    [InlineData(typeof(ActionRun), "ActionRun")]
    [InlineData(typeof(HookRun), "HookRun")]
    public void The_converter_reads_exactly_the_fields_of_the_generated_model(Type model, string schema)
    {
        var fields = schema == "ActionRun" ? ActionRunJsonConverter.Fields : HookRunJsonConverter.Fields;
        var generated = model.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.GetCustomAttribute<JsonPropertyAttribute>()?.PropertyName)
            .OfType<string>();

        Assert.Equal(generated.Order(), fields.Order());
    }

    [Theory]
    [InlineData("""{"run_id":"r1","branch":"main","commit_id":"c1","event_type":"post-commit","start_time":"2026-07-23T10:15:30.123456789Z","end_time":"2026-07-23T10:15:31Z","status":"completed"}""")]
    [InlineData("""{"run_id":"r1","branch":"main","commit_id":"","event_type":"pre-merge","start_time":"2026-07-23T09:00:00+02:00","end_time":"0001-01-01T00:00:00Z","status":"failed"}""")]
    [InlineData("""{"run_id":"r1","branch":"main","commit_id":"c","event_type":"e","start_time":"2026-07-23T09:00:00.5-07:30","status":"running","extra":"2026-07-23T09:00:00Z","labels":{"a":[1,2.5,null,true]},"n":12}""")]
    [InlineData("""{"RUN_ID":"r1","Branch":"main","commit_id":"c","event_type":"e","start_time":"2026-07-23T09:00:00Z","end_time":"","status":"completed"}""")]
    [InlineData("""{"run_id":12,"branch":"main","commit_id":"c","event_type":"e","start_time":"2026-07-23T09:00:00Z","end_time":null,"status":"completed"}""")]
    [InlineData("""{"run_id":"r1","run_id":"r2","branch":"main","commit_id":"c","event_type":"e","start_time":"2026-07-23T09:00:00Z","status":"completed"}""")]
    [InlineData("""{"run_id":"r1","branch":"main","commit_id":"c","event_type":"e","start_time":"2026-07-23T09:00:00Z"}""")]
    [InlineData("""{"run_id":null,"branch":"main","commit_id":"c","event_type":"e","start_time":"2026-07-23T09:00:00Z","status":"completed"}""")]
    [InlineData("""{"run_id":"r1","branch":"main","commit_id":"c","event_type":"e","start_time":"0001-01-01T00:00:00Z","status":"completed"}""")]
    [InlineData("""{"run_id":"r1","branch":"main","commit_id":"c","event_type":"e","start_time":"yesterday","status":"completed"}""")]
    [InlineData("""{"run_id":"r1","branch":"main","commit_id":"c","event_type":"e","start_time":"2026-01-01T00:00:00+25:00","status":"completed"}""")]
    [InlineData("""{"run_id":"r1","branch":"main","commit_id":"c","event_type":"e","start_time":17,"status":"completed"}""")]
    [InlineData("""{"run_id":"r1","branch":"main","commit_id":"c","event_type":"e","start_time":"2026-07-23T09:00:00Z","status":3}""")]
    [InlineData("""{"run_id":{"x":1},"branch":"main","commit_id":"c","event_type":"e","start_time":"2026-07-23T09:00:00Z","status":"completed"}""")]
    [InlineData("""[1,2]""")]
    [InlineData("""null""")]
    public void A_run_reads_as_the_contract_reads_it(string json) => AssertSameAsContract<ActionRun>(json);

    [Theory]
    [InlineData("""{"hook_run_id":"0000_0000","action":"a","hook_id":"h","start_time":"2026-07-23T10:15:30Z","end_time":"2026-07-23T10:15:31.999999999Z","status":"completed"}""")]
    [InlineData("""{"hook_run_id":"0001_0000","action":"a","hook_id":"h","start_time":"0001-01-01T00:00:00Z","status":"skipped","retries":"2026-07-23T10:15:30Z"}""")]
    [InlineData("""{"hook_run_id":"0001_0000","action":"a","hook_id":"h","status":"cancelled","output":{"lines":["x"]}}""")]
    [InlineData("""{"hook_run_id":"0001_0000","action":"a","status":"failed"}""")]
    [InlineData("""{"hook_run_id":"0001_0000","action":"a","hook_id":"h","status":null}""")]
    [InlineData("""{"hook_run_id":"0001_0000","action":"a","hook_id":"h","start_time":true,"status":"failed"}""")]
    public void A_hook_reads_as_the_contract_reads_it(string json) => AssertSameAsContract<HookRun>(json);

    [Fact]
    public void A_page_of_runs_reads_as_the_contract_reads_it()
    {
        var runs = Enumerable.Range(0, 50).Select(i => $$"""{"run_id":"r{{i}}","branch":"b","commit_id":"c","event_type":"e","start_time":"2026-07-23T10:15:{{i % 60:D2}}.{{i * 7919:D9}}Z","end_time":"0001-01-01T00:00:00Z","status":"{{(i % 3 == 0 ? "failed" : "completed")}}"}""");
        AssertSameAsContract<ActionRunList>($$"""{"pagination":{"has_more":false,"next_offset":"","results":50,"max_per_page":1000},"results":[{{string.Join(",", runs)}}]}""");
    }

    [Fact]
    public void No_converter_sits_in_the_global_list()
    {
        // Newtonsoft.Json asks every converter of the global list CanConvert for every value it reads.
        Assert.Empty(LakeFsJson.CreateSerializerSettings().Converters);
    }

    private static void AssertSameAsContract<T>(string json)
    {
        var (expected, expectedError) = Read<T>(json, ContractOnly);
        var (actual, actualError) = Read<T>(json, LakeFsJson.CreateSerializerSettings());

        if (expectedError is not null)
        {
            Assert.True(actualError is not null, $"The contract rejects {json} ({expectedError.Message}) but the converter read it.");
            Assert.IsAssignableFrom<JsonException>(actualError);
            foreach (var quoted in System.Text.RegularExpressions.Regex.Matches(expectedError.Message, "Required property '([a-z_]+)'").Select(m => m.Groups[1].Value))
            {
                Assert.Contains($"'{quoted}'", actualError!.Message, StringComparison.Ordinal);
            }

            return;
        }

        Assert.True(actualError is null, $"The converter rejects {json}: {actualError?.Message}");
        Assert.Equal(Snapshot(expected), Snapshot(actual));
    }

    private static (object? Value, Exception? Error) Read<T>(string json, JsonSerializerSettings settings)
    {
        try
        {
            return (JsonConvert.DeserializeObject<T>(json, settings), null);
        }
        catch (JsonException error)
        {
            return (null, error);
        }
    }

    /// <summary>Every property, extension data included, with exact times (ticks and offset).</summary>
    private static string Snapshot(object? model)
    {
        if (model is null)
        {
            return "null";
        }

        var token = JToken.FromObject(model, JsonSerializer.Create(new JsonSerializerSettings { DateParseHandling = DateParseHandling.None, DateFormatString = "o" }));
        return token.ToString(Formatting.None);
    }

    private static JsonSerializerSettings CreateContractOnlySettings()
    {
        var settings = LakeFsJson.CreateSerializerSettings();
        settings.ContractResolver = new LakeFsContractResolver(modelConverters: false);
        return settings;
    }

    private static YamlMappingNode LoadSchema(string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "swagger", "lakefs-actions.yaml")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        var yaml = new YamlStream();
        using (var reader = File.OpenText(Path.Combine(directory.FullName, "swagger", "lakefs-actions.yaml")))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var schemas = (YamlMappingNode)((YamlMappingNode)root.Children[new YamlScalarNode("components")]).Children[new YamlScalarNode("schemas")];
        return (YamlMappingNode)schemas.Children[new YamlScalarNode(name)];
    }
}
