namespace LakeFs.Actions.Client;

/// <summary>A value type that is written on the wire as a string and accepts any string back.</summary>
internal interface IWireValue<TSelf> where TSelf : struct, IWireValue<TSelf>
{
    string Value { get; }

    static abstract TSelf FromWire(string value);
}
