namespace LakeFs.Actions.Client.Testing;

/// <summary>One request the emulator received, as recorded in <see cref="LakeFsActionsEmulator.ReceivedRequests"/>.</summary>
/// <param name="Number">1-based arrival number of the request (the same numbering <see cref="EmulatorFaults.ScheduleAt"/> uses).</param>
/// <param name="Method">HTTP method, e.g. <c>GET</c>.</param>
/// <param name="Target">Raw request target as sent: the percent-encoded path and the query string.</param>
/// <param name="Operation">Operation id (see <see cref="EmulatorOperations"/>), or null when the path matched no endpoint.</param>
/// <param name="RequestId">The <c>X-Request-ID</c> sent back with the response (request validation errors, which lakeFS answers before it assigns an id, are sent without it).</param>
public sealed record ReceivedRequest(long Number, string Method, string Target, string? Operation, string RequestId);
