using System.Text;
using static LakeFs.Actions.Client.Tests.ActionFiles.ActionFileAssert;

namespace LakeFs.Actions.Client.Tests.ActionFiles;

/// <summary>How gopkg.in/yaml.v3 (libyaml's reader and yaml.v3's decoder) treats the bytes of an action file.</summary>
public class YamlV3ConformanceTests
{
    private const string Valid = "name: Check\non:\n  pre-commit:\n";

    private static ActionFileResult ValidateBytes(byte[] bytes) => new ActionFileValidator().ValidateFile(ActionFileAssert.Path, bytes);

    private static byte[] Bytes(string before, byte[] middle, string after) =>
        [.. Encoding.UTF8.GetBytes(before), .. middle, .. Encoding.UTF8.GetBytes(after)];

    [Theory]
    [InlineData(new byte[] { 0xE9 }, "invalid trailing UTF-8 octet")]
    [InlineData(new byte[] { 0xFF }, "invalid leading UTF-8 octet")]
    [InlineData(new byte[] { 0x80 }, "invalid leading UTF-8 octet")]
    [InlineData(new byte[] { 0xC0, 0x80 }, "invalid length of a UTF-8 sequence")]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 }, "invalid Unicode character")]
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 }, "invalid Unicode character")]
    public void Malformed_UTF8_gets_libyamls_reader_words(byte[] bad, string problem)
    {
        var result = ValidateBytes(Bytes("name: Caf", bad, "\non:\n  pre-commit:\n"));
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(ActionRules.Unreadable, diagnostic.Rule);
        Assert.Equal("yaml: " + problem, diagnostic.Message);
        Assert.Equal(new SourcePosition(1, 10), diagnostic.Position);
        Assert.Equal("parsing file _lakefs_actions/a.yaml: yaml: " + problem, result.LakeFsError);
    }

    [Fact]
    public void A_sequence_cut_by_the_end_of_the_file_is_incomplete()
    {
        var result = ValidateBytes(Bytes(Valid + "# caf", [0xE2, 0x82], string.Empty));
        Assert.Equal("yaml: incomplete UTF-8 octet sequence", Assert.Single(result.Diagnostics).Message);
    }

    [Theory]
    [InlineData('\u0001')]
    [InlineData('\u0000')]
    [InlineData('\u001B')]
    [InlineData('\u007F')]
    [InlineData('\u0080')]
    [InlineData('\uFFFE')]
    public void A_control_character_anywhere_is_refused(char control)
    {
        var text = $"name: Check\non:\n  pre-commit:\n# a comment with {control} in it\n";
        foreach (var result in new[] { Validate(text), ValidateBytes(Encoding.UTF8.GetBytes(text)) })
        {
            var diagnostic = Assert.Single(result.Diagnostics);
            Assert.Equal(ActionRules.YamlSyntax, diagnostic.Rule);
            Assert.Equal("yaml: control characters are not allowed", diagnostic.Message);
            Assert.Equal(new SourcePosition(4, 18), diagnostic.Position);
            Assert.Equal("parsing file _lakefs_actions/a.yaml: yaml: control characters are not allowed", result.LakeFsError);
        }
    }

    [Theory]
    [InlineData("name: Check\non:\n  pre-commit:\n# next line \u0085\n")]
    [InlineData("name: Ch\u00e9ck\u00a0ok \U0001F600\non:\n  pre-commit:\n")]
    [InlineData("name: Check\ton\non:\n  pre-commit:\n")]
    public void Allowed_characters_pass_the_reader(string text)
    {
        Assert.DoesNotContain(Validate(text).Diagnostics, d => d.Rule is ActionRules.YamlSyntax or ActionRules.Unreadable);
        Assert.DoesNotContain(ValidateBytes(Encoding.UTF8.GetBytes(text)).Diagnostics, d => d.Rule is ActionRules.YamlSyntax or ActionRules.Unreadable);
    }

    [Fact]
    public void A_byte_order_mark_is_skipped_in_bytes_and_in_text()
    {
        Assert.Empty(ValidateBytes([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Valid)]).Diagnostics);
        Clean("\uFEFF" + Valid);
    }

    [Fact]
    public void Two_merge_keys_in_one_mapping_are_a_repeated_key()
    {
        var result = Validate(Valid + "<<: {description: a}\n<<: {description: b}\n");
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(ActionRules.YamlShape, diagnostic.Rule);
        Assert.Equal("mapping key \"<<\" already defined at line 4", diagnostic.Message);
        Assert.Equal("parsing file _lakefs_actions/a.yaml: yaml: unmarshal errors:\n  line 5: mapping key \"<<\" already defined at line 4", result.LakeFsError);
    }

    [Fact]
    public void A_quoted_key_repeats_a_plain_one()
    {
        var result = Validate("name: Check\n\"name\": Other\non:\n  pre-commit:\n");
        Assert.Equal("mapping key \"name\" already defined at line 1", Assert.Single(result.Diagnostics).Message);
    }

    [Theory]
    [InlineData("h\u00e9llow\u00f6rld", "h\u00e9llow...")]
    // Go cuts inside the 4th rune; its lone lead byte reads as U+FFFD.
    [InlineData("\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9", "\u00e9\u00e9\u00e9\uFFFD...")]
    [InlineData("\u00e9\u00e9\u00e9\u00e9\u00e9", "\u00e9\u00e9\u00e9\u00e9\u00e9")]
    [InlineData("abcdefghij", "abcdefghij")]
    [InlineData("abcdefghijk", "abcdefg...")]
    public void A_value_in_an_unmarshal_error_is_cut_at_7_bytes_past_10_bytes(string value, string shown)
    {
        var yaml = $"name: Check\non:\n  pre-commit:\n    branches: {value}\n";
        Single(yaml, ActionRules.YamlShape, $"cannot unmarshal !!str `{shown}` into []string");
    }

    [Fact]
    public void Only_the_first_document_is_read()
    {
        Clean(Valid + "---\nname: [\n");
        Clean("---\n" + Valid + "...\n---\nnot: a valid: document\n");
    }

    [Theory]
    [InlineData("# only a comment\n")]
    [InlineData("---\n...\n")]
    [InlineData("~\n")]
    public void An_empty_document_needs_a_name(string yaml)
    {
        var result = Validate(yaml);
        Assert.Equal("parsing file _lakefs_actions/a.yaml: 'name' is required: invalid action", result.LakeFsError);
    }

    [Fact]
    public void A_null_on_is_no_events_and_a_flow_event_without_value_is_one()
    {
        Assert.Equal("parsing file _lakefs_actions/a.yaml: 'on' is required: invalid action", Validate("name: Check\non: ~\n").LakeFsError);
        Assert.Equal("parsing file _lakefs_actions/a.yaml: 'on' is required: invalid action", Validate("name: Check\non: {}\n").LakeFsError);
        Clean("name: Check\non: {pre-commit: }\n");
    }
}
