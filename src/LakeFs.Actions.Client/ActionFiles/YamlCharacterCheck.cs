namespace LakeFs.Actions.Client;

/// <summary>
/// What libyaml's reader (inside gopkg.in/yaml.v3) refuses before any parsing: malformed UTF-8, with its own
/// words for each case, and characters YAML does not allow (controls but tab, line feed, carriage return and
/// U+0085; U+007F; U+FFFE/U+FFFF). yaml.v3 prints these without a line (<c>yaml: control characters are not
/// allowed</c>); the diagnostic's position is the character's.
/// </summary>
internal static class YamlCharacterCheck
{
    public const string ControlCharacters = "control characters are not allowed";

    /// <summary>The first problem in UTF-8 bytes (after any byte order mark), or null.</summary>
    public static string? Check(ReadOnlySpan<byte> bytes, out SourcePosition position)
    {
        var line = 1;
        var column = 1;
        var i = 0;
        while (i < bytes.Length)
        {
            position = new SourcePosition(line, column);
            var octet = bytes[i];
            int width = (octet & 0x80) == 0 ? 1 : (octet & 0xE0) == 0xC0 ? 2 : (octet & 0xF0) == 0xE0 ? 3 : (octet & 0xF8) == 0xF0 ? 4 : 0;
            if (width == 0)
            {
                return "invalid leading UTF-8 octet";
            }

            if (width > bytes.Length - i)
            {
                return "incomplete UTF-8 octet sequence";
            }

            var value = width switch { 1 => octet & 0x7F, 2 => octet & 0x1F, 3 => octet & 0x0F, _ => octet & 0x07 };
            for (var k = 1; k < width; k++)
            {
                var trailing = bytes[i + k];
                if ((trailing & 0xC0) != 0x80)
                {
                    return "invalid trailing UTF-8 octet";
                }

                value = (value << 6) + (trailing & 0x3F);
            }

            if (!(width == 1 || (width == 2 && value >= 0x80) || (width == 3 && value >= 0x800) || (width == 4 && value >= 0x10000)))
            {
                return "invalid length of a UTF-8 sequence";
            }

            if (value is >= 0xD800 and <= 0xDFFF || value > 0x10FFFF)
            {
                return "invalid Unicode character";
            }

            if (!IsAllowed(value))
            {
                return ControlCharacters;
            }

            (line, column) = value == '\n' ? (line + 1, 1) : (line, column + 1);
            i += width;
        }

        position = default;
        return null;
    }

    /// <summary>The first character YAML does not allow in a text, or null.</summary>
    public static string? Check(string text, out SourcePosition position)
    {
        var line = 1;
        var column = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                column++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                position = new SourcePosition(line, column);
                return "invalid Unicode character";
            }

            if (!IsAllowed(c))
            {
                position = new SourcePosition(line, column);
                return ControlCharacters;
            }

            (line, column) = c == '\n' ? (line + 1, 1) : (line, column + 1);
        }

        position = default;
        return null;
    }

    /// <summary>libyaml's allowed range: #x9 | #xA | #xD | [#x20-#x7E] | #x85 | [#xA0-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].</summary>
    private static bool IsAllowed(int value) => value is 0x09 or 0x0A or 0x0D or (>= 0x20 and <= 0x7E) or 0x85
        or (>= 0xA0 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD) or (>= 0x10000 and <= 0x10FFFF);
}
