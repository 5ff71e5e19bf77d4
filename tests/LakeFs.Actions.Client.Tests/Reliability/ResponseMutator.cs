using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LakeFs.Actions.Client.Tests.Reliability;

/// <summary>
/// Makes a damaged copy of a valid lakeFS JSON document from a seed: fields removed, values replaced by
/// wrong types, nulls, huge numbers, odd dates or unusual unicode, elements duplicated, and the text
/// truncated or garbled. The same seed always gives the same body.
/// </summary>
internal static class ResponseMutator
{
    private static readonly string[] OddDates =
    [
        "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "2026-13-45T25:61:61Z", "", " ", "not a date",
        "2026-01-01T00:00:00+25:00", "2026-01-01", "1970", "2026-07-23T10:15:30.123456789123456789Z", "0000-00-00T00:00:00Z",
        "2026-07-23T10:15:30", "-2026-07-23T10:15:30Z", "2026-07-23T10:15:30\u0000Z", "\u0662\u0660\u0662\u0666-01-01T00:00:00Z",
    ];

    private static readonly string[] OddStrings =
    [
        "", " ", "\u0000", "\ud800", "\udfff\ud800", "😀🚀", "\u202eevil", "naïve/é", "..", "../../etc/passwd", "%2F%2e%2e",
        "<script>alert(1)</script>", "a\r\nX-Injected: 1", new string('x', 5_000), "completed", "failed", "skipped", "COMPLETED",
    ];

    private static readonly string[] RawNumbers =
    [
        "1e400", "-1e400", "99999999999999999999999999999", "9223372036854775808", "-9223372036854775809", "-0", "0.5",
        "1e-400", "2147483648", "-2147483649", "1E+2", "NaN", "Infinity",
    ];

    private const string GarbleChars = "{}[]\",:\\\u0000\ud800x";

    public static string Mutate(JContainer valid, Random random)
    {
        var root = (JContainer)valid.DeepClone();
        var count = 1 + random.Next(3);
        string? raw = null;
        for (var i = 0; i < count; i++)
        {
            switch (random.Next(9))
            {
                case 0:
                    RemoveProperty(root, random);
                    break;
                case 1:
                    Replace(root, random, NullOrWrongType(random));
                    break;
                case 2:
                    Replace(root, random, new JValue(OddDates[random.Next(OddDates.Length)]));
                    break;
                case 3:
                    Replace(root, random, new JValue(OddStrings[random.Next(OddStrings.Length)]));
                    break;
                case 4:
                    // A number JToken cannot hold (out of range of any .NET type): patched into the text below.
                    raw = RawNumbers[random.Next(RawNumbers.Length)];
                    Replace(root, random, new JValue("__RAW_NUMBER__"));
                    break;
                case 5:
                    DuplicateArrayElement(root, random);
                    break;
                case 6:
                    AddProperty(root, random);
                    break;
                case 7:
                    Replace(root, random, Nest(random.Next(1, 100)));
                    break;
                default:
                    Replace(root, random, JValue.CreateNull());
                    break;
            }
        }

        var text = root.ToString(random.Next(2) == 0 ? Formatting.None : Formatting.Indented);
        if (raw is not null)
        {
            text = text.Replace("\"__RAW_NUMBER__\"", raw, StringComparison.Ordinal);
        }

        return random.Next(6) switch
        {
            0 => text[..random.Next(text.Length)],
            1 => Garble(text, random),
            _ => text,
        };
    }

    private static List<JToken> Values(JContainer root) => root.DescendantsAndSelf().Where(static t => t is JValue or JArray or JObject).ToList();

    private static void RemoveProperty(JContainer root, Random random)
    {
        var properties = root.Descendants().OfType<JProperty>().ToList();
        if (properties.Count > 0)
        {
            properties[random.Next(properties.Count)].Remove();
        }
    }

    private static void Replace(JContainer root, Random random, JToken replacement)
    {
        var candidates = Values(root).Where(static t => t.Parent is not null).ToList();
        if (candidates.Count > 0)
        {
            candidates[random.Next(candidates.Count)].Replace(replacement);
        }
    }

    private static void DuplicateArrayElement(JContainer root, Random random)
    {
        var arrays = root.DescendantsAndSelf().OfType<JArray>().Where(static a => a.Count > 0).ToList();
        if (arrays.Count > 0)
        {
            var array = arrays[random.Next(arrays.Count)];
            array.Add(array[random.Next(array.Count)].DeepClone());
        }
    }

    private static void AddProperty(JContainer root, Random random)
    {
        var objects = root.DescendantsAndSelf().OfType<JObject>().ToList();
        if (objects.Count > 0)
        {
            var name = random.Next(3) switch { 0 => "unknown_" + random.Next(100), 1 => "$type", _ => "\u00e9\u00e8" };
            objects[random.Next(objects.Count)][name] = NullOrWrongType(random);
        }
    }

    private static JToken NullOrWrongType(Random random) => random.Next(8) switch
    {
        0 => JValue.CreateNull(),
        1 => new JValue(random.Next(2) == 0),
        2 => new JValue(random.NextInt64(long.MinValue, long.MaxValue)),
        3 => new JValue(random.NextDouble() * 1e300),
        4 => new JArray(1, "two", JValue.CreateNull()),
        5 => new JObject { ["nested"] = new JArray() },
        6 => new JValue(random.Next().ToString(CultureInfo.InvariantCulture)),
        _ => new JValue(string.Empty),
    };

    private static JToken Nest(int depth)
    {
        JToken token = new JValue(1);
        for (var i = 0; i < depth; i++)
        {
            token = i % 2 == 0 ? new JArray(token) : new JObject { ["x"] = token };
        }

        return token;
    }

    private static string Garble(string text, Random random)
    {
        var builder = new StringBuilder(text);
        for (var i = random.Next(1, 4); i > 0 && builder.Length > 0; i--)
        {
            builder[random.Next(builder.Length)] = GarbleChars[random.Next(GarbleChars.Length)];
        }

        return builder.ToString();
    }
}
