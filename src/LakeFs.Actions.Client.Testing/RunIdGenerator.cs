using System.Buffers.Binary;

namespace LakeFs.Actions.Client.Testing;

/// <summary>
/// Makes run ids as lakeFS makes them: an xid (rs/xid) built for the time <c>year 3000 - now</c> in whole seconds.
/// An xid is 12 bytes (4-byte big-endian seconds, 3-byte machine id, 2-byte process id, 3-byte counter) written
/// as 20 lowercase base32hex characters. So across seconds a later run has a smaller id (runs list newest first),
/// and within one second the counter decides: a later run has a larger id (oldest first within the second).
/// Like xid, the seconds are truncated to 32 bits. Unlike a server's xid, the machine and process bytes are fixed and
/// the counter starts at zero for each emulator, so the same runs made at the same times get the same ids in every
/// emulator (the CLI's demo server, started anew for each command, relies on it).
/// </summary>
internal sealed class RunIdGenerator
{
    /// <summary>
    /// lakeFS's constant <c>UnixYear3000</c>, exactly as it has it: 32500915200 (a date in December 2999, not
    /// <c>time.Date(3000, 1, 1, ...)</c>). The id's time part is this minus the run's Unix seconds.
    /// </summary>
    public const long UnixYear3000 = 32500915200;

    private const string Alphabet = "0123456789abcdefghijklmnopqrstuv";
    private static readonly byte[] MachineAndProcess = [0x6c, 0x61, 0x6b, 0x65, 0x46]; // "lakeF"
    private int _counter = -1;

    /// <summary>Makes the next id for a run created at <paramref name="createdAt"/>. Thread-safe.</summary>
    public string Next(DateTimeOffset createdAt)
    {
        var counter = Interlocked.Increment(ref _counter) & 0xFFFFFF;
        var seconds = (uint)(UnixYear3000 - createdAt.ToUnixTimeSeconds());
        Span<byte> id = stackalloc byte[12];
        BinaryPrimitives.WriteUInt32BigEndian(id, seconds);
        MachineAndProcess.CopyTo(id[4..]);
        id[9] = (byte)(counter >> 16);
        id[10] = (byte)(counter >> 8);
        id[11] = (byte)counter;
        return Encode(id);
    }

    /// <summary>Base32hex without padding over the 96 bits (the last character holds the final bit and zeros).</summary>
    private static string Encode(ReadOnlySpan<byte> id)
    {
        Span<char> chars = stackalloc char[20];
        var bits = 0;
        var buffer = 0;
        var index = 0;
        foreach (var b in id)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                chars[index++] = Alphabet[(buffer >> (bits - 5)) & 31];
                bits -= 5;
            }
        }

        chars[index] = Alphabet[(buffer << (5 - bits)) & 31];
        return new string(chars);
    }
}
