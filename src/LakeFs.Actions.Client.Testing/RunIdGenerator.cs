namespace LakeFs.Actions.Client.Testing;

/// <summary>
/// Makes run ids that sort like lakeFS's: a later start time gives a lexicographically smaller id, and ids made
/// for the same instant still differ, the later one smaller. An id is 20 lowercase base32hex characters
/// (like an xid): 13 for <c>DateTime.MaxValue.Ticks - ticks</c>, then 7 for a sequence counting down.
/// </summary>
internal sealed class RunIdGenerator
{
    private const string Alphabet = "0123456789abcdefghijklmnopqrstuv";
    private const int TimeDigits = 13;
    private const int SequenceDigits = 7;
    private const long SequenceStart = (1L << (5 * SequenceDigits)) - 1;

    private long _sequence = SequenceStart + 1;

    /// <summary>Makes the next id for a run that started at <paramref name="startTime"/>. Thread-safe.</summary>
    public string Next(DateTimeOffset startTime)
    {
        var sequence = Interlocked.Decrement(ref _sequence);
        if (sequence < 0)
        {
            throw new InvalidOperationException("The emulator ran out of run ids.");
        }

        var inverted = DateTime.MaxValue.Ticks - startTime.UtcTicks;
        return string.Create(TimeDigits + SequenceDigits, (inverted, sequence), static (chars, state) =>
        {
            Encode(state.inverted, chars[..TimeDigits]);
            Encode(state.sequence, chars[TimeDigits..]);
        });
    }

    private static void Encode(long value, Span<char> destination)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = Alphabet[(int)(value & 31)];
            value >>= 5;
        }
    }
}
