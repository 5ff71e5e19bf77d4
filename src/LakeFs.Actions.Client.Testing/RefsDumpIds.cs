namespace LakeFs.Actions.Client.Testing;

/// <summary>The three meta range ids of a refs dump; an id is empty until the step that writes it succeeded.</summary>
internal sealed record RefsDumpIds(string Commits, string Branches, string Tags);
