namespace LakeFs.Actions.Client.Testing;

/// <summary>Data of <see cref="EmulatorFaults.Injected"/>: which fault was applied to which request.</summary>
public sealed class FaultInjectedEventArgs : EventArgs
{
    /// <summary>Creates the event data.</summary>
    /// <param name="fault">The fault applied.</param>
    /// <param name="request">The request it was applied to.</param>
    public FaultInjectedEventArgs(EmulatorFault fault, ReceivedRequest request)
    {
        Fault = fault;
        Request = request;
    }

    /// <summary>The fault applied.</summary>
    public EmulatorFault Fault { get; }

    /// <summary>The request it was applied to.</summary>
    public ReceivedRequest Request { get; }
}
