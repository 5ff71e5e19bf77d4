using System.Text;
using BenchmarkDotNet.Attributes;
using YamlDotNet.RepresentationModel;

namespace LakeFs.Actions.Client.Benchmarks;

/// <summary>
/// Action file validation: a 10,000-line action file, and a folder of 1,000 small files, each validated in
/// full (parse, lakeFS's rules, runtime checks, warnings), against YamlDotNet merely loading the same YAML
/// into its representation model (the baseline, measured in the same run). The issue asks for well under a
/// second for each; the ratio shows what validation adds on top of reading the YAML at all.
/// </summary>
[MemoryDiagnoser]
public class ActionFileValidationBenchmarks
{
    private readonly ActionFileValidator _validator = new();
    private List<ActionFileSource> _files = null!;

    /// <summary>The input: one 10,000-line file, or 1,000 files of ten lines.</summary>
    [Params("10k-line file", "1000 files")]
    public string Input { get; set; } = null!;

    [GlobalSetup]
    public void Setup()
    {
        _files = Input == "1000 files"
            ? Enumerable.Range(0, 1000).Select(i => new ActionFileSource($"_lakefs_actions/{i:D4}.yaml", Encoding.UTF8.GetBytes(ActionFile($"Check {i}", hooks: 1)))).ToList()
            : [new ActionFileSource("_lakefs_actions/large.yaml", Encoding.UTF8.GetBytes(ActionFile("Large", hooks: 1250)))];
        var lines = _files.Sum(f => Encoding.UTF8.GetString(f.Content.Span).Count(c => c == '\n'));
        var result = _validator.ValidateFolder(_files);
        if (result.HasErrors || result.Actions.Count != _files.Count || (Input != "1000 files" && lines < 10_000))
        {
            throw new InvalidOperationException($"The benchmark input is not what it should be: {lines} lines, {result.ErrorCount} errors.");
        }
    }

    /// <summary>YamlDotNet loads every file into its representation model, nothing more.</summary>
    /// <returns>How many documents were loaded.</returns>
    [Benchmark(Baseline = true)]
    public int LoadYamlOnly()
    {
        var documents = 0;
        foreach (var file in _files)
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(Encoding.UTF8.GetString(file.Content.Span)));
            documents += stream.Documents.Count;
        }

        return documents;
    }

    /// <summary>The full validation of the folder, as the CLI and the emulator's runtime run it.</summary>
    /// <returns>How many actions loaded.</returns>
    [Benchmark]
    public int Validate() => _validator.ValidateFolder(_files).Actions.Count;

    private static string ActionFile(string name, int hooks)
    {
        var builder = new StringBuilder()
            .Append("name: ").Append(name).Append('\n')
            .Append("description: generated for the benchmark\n")
            .Append("on:\n  pre-commit:\n    branches: [main, \"release-*\"]\n  pre-merge:\n    branches:\n      - main\n")
            .Append("hooks:\n");
        for (var i = 0; i < hooks; i++)
        {
            builder.Append("  - id: hook_").Append(i).Append('\n')
                .Append("    type: webhook\n")
                .Append("    if: success() || failure()\n")
                .Append("    properties:\n")
                .Append("      url: https://hooks.example.com/check/").Append(i).Append('\n')
                .Append("      timeout: 30s\n")
                .Append("      headers: {Authorization: \"Bearer {{ ENV.LAKEFSACTION_TOKEN }}\"}\n")
                .Append("      query_params: {n: [\"").Append(i).Append("\"]}\n");
        }

        return builder.ToString();
    }
}
