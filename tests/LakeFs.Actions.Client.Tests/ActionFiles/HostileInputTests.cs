using System.Text;
using static LakeFs.Actions.Client.Tests.ActionFiles.ActionFileAssert;

namespace LakeFs.Actions.Client.Tests.ActionFiles;

/// <summary>Input meant to hurt: a diagnostic each time, never a crash or unbounded memory.</summary>
public class HostileInputTests
{
    [Fact]
    public void Deep_flow_nesting_stops_at_the_depth_limit()
    {
        var yaml = "name: " + new string('[', 100_000) + new string(']', 100_000) + "\n";
        var diagnostic = Assert.Single(Validate(yaml).Diagnostics);
        Assert.Equal(ActionRules.NestingTooDeep, diagnostic.Rule);
    }

    [Fact]
    public void Deep_block_nesting_stops_at_the_depth_limit()
    {
        var builder = new StringBuilder();
        for (var i = 0; i < 2_000; i++)
        {
            builder.Append(' ', i).Append("k:\n");
        }

        Assert.Equal(ActionRules.NestingTooDeep, Assert.Single(Validate(builder.ToString()).Diagnostics).Rule);
    }

    [Fact]
    public void An_alias_bomb_is_excessive_aliasing()
    {
        var yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 12; i++)
        {
            yaml.Append($"a{i}: &a{i} [").AppendJoin(", ", Enumerable.Repeat($"*a{i - 1}", 10)).Append("]\n");
        }

        yaml.Append("name: Bomb\non:\n  pre-commit:\nhooks:\n  - id: h1\n    type: lua\n    properties:\n      script: x\n      args: *a11\n");
        var result = Validate(yaml.ToString());
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(ActionRules.ExcessiveAliasing, diagnostic.Rule);
        Assert.Equal("yaml: document contains excessive aliasing", diagnostic.Message);
    }

    [Fact]
    public void An_alias_bomb_in_an_ignored_key_is_still_bounded()
    {
        var yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 12; i++)
        {
            yaml.Append($"a{i}: &a{i} [").AppendJoin(", ", Enumerable.Repeat($"*a{i - 1}", 10)).Append("]\n");
        }

        Assert.Equal(ActionRules.ExcessiveAliasing, Assert.Single(Validate(yaml.ToString()).Diagnostics).Rule);
    }

    [Fact]
    public void Modest_alias_reuse_is_fine()
    {
        Clean("name: Check\non:\n  pre-commit: &b\n    branches: [main]\n  pre-merge: *b\n  post-merge: *b\n");
    }

    [Fact]
    public async Task A_100_MB_stream_is_refused_after_reading_the_limit_only()
    {
        await using var stream = new EndlessStream(100L * 1024 * 1024);
        var result = await new ActionFileValidator().ValidateFileAsync("_lakefs_actions/big.yaml", stream);
        Assert.Equal(ActionRules.FileTooLarge, Assert.Single(result.Diagnostics).Rule);
        Assert.True(stream.Position <= ActionValidationOptions.Default.MaxFileBytes + 81920);
    }

    [Fact]
    public void A_100_MB_file_on_disk_is_refused_without_being_read()
    {
        var directory = Directory.CreateTempSubdirectory("i22-big-");
        try
        {
            using (var file = File.Create(System.IO.Path.Combine(directory.FullName, "big.yaml")))
            {
                file.SetLength(100L * 1024 * 1024);
            }

            var result = new ActionFileValidator().ValidateDirectory(directory.FullName);
            var diagnostic = Assert.Single(result.Diagnostics);
            Assert.Equal(ActionRules.FileTooLarge, diagnostic.Rule);
            Assert.Equal("file is 104857600 bytes, over the limit of 4194304 bytes: not validated", diagnostic.Message);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Bytes_over_the_limit_are_refused()
    {
        var options = new ActionValidationOptions { MaxFileBytes = 10 };
        var result = new ActionFileValidator(options).ValidateFile("a.yaml", new byte[11]);
        Assert.Equal(ActionRules.FileTooLarge, Assert.Single(result.Diagnostics).Rule);
        Assert.NotNull(result.LakeFsError);
    }

    [Theory]
    [InlineData(new byte[] { 0x6E, 0x61, 0xFF, 0xFE, 0x00 })]
    [InlineData(new byte[] { 0xC3 })]
    public void Invalid_UTF8_is_a_diagnostic(byte[] bytes) =>
        Assert.Equal(ActionRules.Unreadable, Assert.Single(new ActionFileValidator().ValidateFile("a.yaml", bytes).Diagnostics).Rule);

    [Theory]
    [InlineData("name: \"unterminated\n")]
    [InlineData("\tname: tab\n")]
    [InlineData("name: *nothing\n")]
    [InlineData("{{{{")]
    [InlineData("]]]")]
    [InlineData("name: Check\non: !!binary 'not base64'\n")]
    [InlineData("? [a, b]\n: c\n")]
    [InlineData("name: 'x'\u0000\n")]
    [InlineData("%YAML 1.1\n%YAML 1.1\n---\nname: x\n")]
    public void Malformed_yaml_is_a_diagnostic_never_an_exception(string yaml)
    {
        var result = Validate(yaml);
        Assert.NotEmpty(result.Diagnostics);
        Assert.NotNull(result.LakeFsError);
    }

    [Fact]
    public void A_UTF16_file_with_a_byte_order_mark_is_read()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("name: Check\non:\n  pre-commit:\n")).ToArray();
        Assert.Empty(new ActionFileValidator().ValidateFile("a.yaml", bytes).Diagnostics);
    }

    private sealed class EndlessStream(long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            buffer.AsSpan(offset, n).Fill((byte)'a');
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
