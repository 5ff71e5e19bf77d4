namespace LakeFs.Actions.Client.Testing;

/// <summary>What an <see cref="EmulatorFault"/> does to a request.</summary>
public enum EmulatorFaultKind
{
    /// <summary>Answer 420, 429 or 503 with lakeFS's <c>{"message"}</c> body, with or without <c>Retry-After</c>.</summary>
    Throttle,

    /// <summary>Answer 500 <c>{"message"}</c>.</summary>
    ServerError,

    /// <summary>Wait (on the emulator's <see cref="TimeProvider"/>), then answer normally.</summary>
    Latency,

    /// <summary>Drop the connection before sending any header.</summary>
    DropConnection,

    /// <summary>Send the headers (with the full Content-Length) and part of the body, then drop the connection.</summary>
    DropMidResponse,

    /// <summary>Send a complete 200 <c>application/json</c> response whose body is not valid JSON.</summary>
    MalformedJson,
}
