using System.Text;
using Newtonsoft.Json;

namespace LakeFs.Actions.Client.Testing;

/// <summary>
/// A compact JSON writer whose strings and property names are escaped as Go's <c>encoding/json</c> escapes them
/// (<c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c> as <c>\u003c</c> etc.), so response bodies match lakeFS byte for byte.
/// </summary>
internal sealed class GoJsonTextWriter : JsonTextWriter
{
    public GoJsonTextWriter(TextWriter textWriter)
        : base(textWriter)
    {
        Formatting = Formatting.None;
    }

    public override void WriteValue(string? value)
    {
        if (value is null)
        {
            WriteNull();
            return;
        }

        WriteRawValue(Escape(value));
    }

    public override void WritePropertyName(string name)
    {
        var escaped = Escape(name);
        WritePropertyName(escaped[1..^1], escape: false);
    }

    private static string Escape(string value)
    {
        var output = new StringBuilder(value.Length + 2);
        GoJson.WriteString(output, value);
        return output.ToString();
    }
}
