namespace LakeFs.Actions.Client;

/// <summary>What the successful answer of an operation carries (from its success response in the OpenAPI document).</summary>
internal enum LakeFsResultKind
{
    /// <summary>No body (204): the generated method returns a plain <see cref="Task"/>.</summary>
    None,

    /// <summary>A JSON document, read whole (bounded) and deserialized.</summary>
    Json,

    /// <summary>A body handed to the caller unread, to stream.</summary>
    Stream,
}
