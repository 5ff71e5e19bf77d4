// MSBuild task (compiled by RoslynCodeTaskFactory at build time) that gives NSwag's output the shape
// this library promises. NSwag has no setting for any of the three steps below:
//   1. Property names. NJsonSchema turns the wire name `run_id` into `Run_id`; the only way to change
//      that through NSwag is a custom IPropertyNameGenerator compiled into an assembly that the NSwag
//      tool loads, which would tie the build to NSwag's private NJsonSchema version. Renaming the C#
//      identifier here is safe: the wire name stays in each property's [JsonProperty("run_id")].
//   2. Status values. The document lists the known values of RunStatus and HookStatus as enums, so
//      NSwag would emit C# enums that throw on a value a newer server adds (lakeFS already sends
//      `skipped`, which its own document omits). The .nswag file excludes those types; the library
//      defines them as extensible readonly structs with their own JSON converter, and this step
//      drops the StringEnumConverter attribute NSwag puts on the properties that use them.
//   3. Visibility. Support types that NSwag emits with the DTO access modifier (its exception and
//      file-response classes) are made internal: users meet LakeFsApiException and HookOutput.
// The task fails the build if NSwag's output stops matching what it expects, instead of silently
// shipping `Run_id` again.
using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class PolishGeneratedClient : Task
{
    private static readonly Regex SnakeCaseProperty = new(
        @"(?<head>\bpublic [\w.<>?, ]+? )(?<name>[A-Z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+)(?<tail> \{ get; set; \})",
        RegexOptions.Compiled);

    private static readonly Regex EnumConverterAttribute = new(
        @"^[ \t]*\[Newtonsoft\.Json\.JsonConverter\(typeof\(Newtonsoft\.Json\.Converters\.StringEnumConverter\)\)\]\r?\n",
        RegexOptions.Compiled | RegexOptions.Multiline);

    [Required]
    public string InputFile { get; set; } = "";

    [Required]
    public string OutputFile { get; set; } = "";

    /// <summary>Semicolon-separated names of generated classes to make internal.</summary>
    public string InternalTypes { get; set; } = "";

    public override bool Execute()
    {
        var code = File.ReadAllText(InputFile);

        var renamed = 0;
        code = SnakeCaseProperty.Replace(code, m =>
        {
            renamed++;
            return m.Groups["head"].Value + ToPascalCase(m.Groups["name"].Value) + m.Groups["tail"].Value;
        });
        if (renamed == 0)
        {
            Log.LogError("PolishGeneratedClient: no snake_case property found in '{0}'; NSwag's output format changed.", InputFile);
            return false;
        }

        code = EnumConverterAttribute.Replace(code, string.Empty);

        foreach (var type in InternalTypes.Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries).Select(t => t.Trim()))
        {
            var pattern = new Regex(@"\bpublic partial class " + Regex.Escape(type) + @"\b");
            if (!pattern.IsMatch(code))
            {
                Log.LogError("PolishGeneratedClient: generated type '{0}' not found in '{1}'.", type, InputFile);
                return false;
            }
            code = pattern.Replace(code, "internal partial class " + type);
        }

        if (Regex.IsMatch(code, @"\benum\s+\w+\s*\{"))
        {
            Log.LogError("PolishGeneratedClient: NSwag generated a C# enum; declare the schema as an extensible status type instead (see LakeFsApi.nswag excludedTypeNames).");
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(OutputFile))!);
        File.WriteAllText(OutputFile, code);
        Log.LogMessage(MessageImportance.Low, "PolishGeneratedClient: renamed {0} properties, wrote '{1}'.", renamed, OutputFile);
        return true;
    }

    private static string ToPascalCase(string name) =>
        string.Concat(name.Split('_').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p.Substring(1)));
}
