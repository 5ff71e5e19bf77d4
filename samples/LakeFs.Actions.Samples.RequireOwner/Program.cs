using LakeFs.Actions.Samples.RequireOwner;

// A lakeFS webhook service: refuses a pre-commit or pre-merge into a protected branch when the commit's
// metadata has no "owner". Start it with: dotnet run --project samples/LakeFs.Actions.Samples.RequireOwner -- --urls http://127.0.0.1:8089
await using var app = RequireOwnerApp.Create(args);
await app.RunAsync();
