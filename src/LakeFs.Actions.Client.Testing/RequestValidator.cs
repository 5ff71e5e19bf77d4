using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace LakeFs.Actions.Client.Testing;

/// <summary>
/// The OpenAPI request validation lakeFS runs before anything else (before authentication and before it assigns a
/// request id): query parameters and JSON bodies checked against the upstream document's schemas. A failure is a
/// 400 JSON error worded as kin-openapi words it, without <c>X-Request-ID</c>. Only the write operations and the
/// task status calls are checked here; the older GET endpoints keep their own parameter handling.
/// </summary>
internal static partial class RequestValidator
{
    private const string RepositoryNamePattern = "^[a-z0-9][a-z0-9-]{2,62}$";
    private const string StorageNamespacePattern = "^(s3|gs|https?|mem|local|transient)://.*$";

    /// <summary>Checks the request; returns the error answer, or null when it is valid.</summary>
    public static EmulatorResponse? Validate(string operation, HttpRequest request, byte[] body)
    {
        var error = operation switch
        {
            EmulatorOperations.CreateRepository => CheckBoolQuery(request.Query, "bare")
                ?? CheckBody(request, body, "#/components/schemas/RepositoryCreation", CheckRepositoryCreation),
            EmulatorOperations.DeleteRepository => CheckBoolQuery(request.Query, "force"),
            EmulatorOperations.SetGCRules => CheckBody(request, body, "#/components/schemas/GarbageCollectionRules", CheckGcRules),
            EmulatorOperations.SetBranchProtectionRules => CheckBody(request, body, null, CheckProtectionRules),
            EmulatorOperations.RestoreSubmit => CheckBody(request, body, "#/components/schemas/RefsRestore", CheckRefsRestore),
            EmulatorOperations.DumpStatus or EmulatorOperations.RestoreStatus => CheckRequiredQuery(request.Query, "task_id"),
            EmulatorOperations.CreateBranch => CheckBody(request, body, "#/components/schemas/BranchCreation", CheckBranchCreation),
            EmulatorOperations.Commit => CheckBody(request, body, "#/components/schemas/CommitCreation", CheckCommitCreation),
            EmulatorOperations.CreateTag => CheckBody(request, body, "#/components/schemas/TagCreation", CheckTagCreation),
            EmulatorOperations.MergeIntoBranch => body.Length == 0 ? null : CheckBody(request, body, "#/components/schemas/Merge", CheckMerge),
            EmulatorOperations.DeleteBranch or EmulatorOperations.DeleteTag => CheckBoolQuery(request.Query, "force"),
            EmulatorOperations.ListBranches => CheckAmountQuery(request.Query) ?? CheckBoolQuery(request.Query, "show_hidden"),
            EmulatorOperations.ListObjects => CheckAmountQuery(request.Query) ?? CheckBoolQuery(request.Query, "user_metadata") ?? CheckBoolQuery(request.Query, "presign"),
            EmulatorOperations.UploadObject or EmulatorOperations.GetObject or EmulatorOperations.DeleteObject =>
                CheckRequiredQuery(request.Query, "path") ?? CheckBoolQuery(request.Query, "force"),
            _ => null,
        };
        return error is null ? null : EmulatorResponse.ValidationError(error);
    }

    private static string? CheckBoolQuery(IQueryCollection query, string name)
    {
        // An empty value passes validation; the parameter binding after it rejects it (as plain text).
        var value = query[name].ToString();
        return value.Length == 0 || GoText.TryParseBool(value, out _)
            ? null
            : $"parameter \"{name}\" in query has an error: value {value}: an invalid boolean: invalid syntax";
    }

    /// <summary>The document's <c>PaginationAmount</c>: an integer from -1 to 1000, parsed as kin-openapi parses it (a float first).</summary>
    private static string? CheckAmountQuery(IQueryCollection query)
    {
        const string prefix = "parameter \"amount\" in query has an error: ";
        var value = query["amount"].ToString();
        if (value.Length == 0)
        {
            return null;
        }

        if (!GoText.TryParseFloat(value, out var number))
        {
            return prefix + $"value {value}: an invalid integer: invalid syntax";
        }

        return number != Math.Floor(number) ? prefix + "value must be an integer"
            : number < -1 ? prefix + "number must be at least -1"
            : number > 1000 ? prefix + "number must be at most 1000"
            : null;
    }

    private static string? CheckRequiredQuery(IQueryCollection query, string name) =>
        query[name].ToString().Length == 0 ? $"parameter \"{name}\" in query has an error: value is required but missing" : null;

    private static string? CheckBody(HttpRequest request, byte[] body, string? schema, Func<JsonElement, string?> check)
    {
        const string prefix = "request body has an error: ";
        if (body.Length == 0)
        {
            return prefix + "value is required but missing";
        }

        var mediaType = request.ContentType?.Split(';')[0].Trim();
        if (string.IsNullOrEmpty(mediaType))
        {
            return prefix + "header Content-Type is required";
        }

        if (!string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            return prefix + $"header Content-Type has unexpected value: \"{request.ContentType}\"";
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return prefix + "failed to decode request body: " + e.Message;
        }

        return check(root) is { } failure
            ? prefix + "doesn't match schema" + (schema is null ? string.Empty : " " + schema) + ": " + failure
            : null;
    }

    private static string? CheckRepositoryCreation(JsonElement body) =>
        RequireObject(body, string.Empty, "name", "storage_namespace")
        ?? CheckString(body, "name", RepositoryNameRegex(), RepositoryNamePattern)
        ?? CheckString(body, "storage_namespace", StorageNamespaceRegex(), StorageNamespacePattern)
        ?? CheckString(body, "default_branch")
        ?? CheckString(body, "storage_id")
        ?? CheckBoolean(body, "sample_data")
        ?? CheckBoolean(body, "read_only");

    private static string? CheckBranchCreation(JsonElement body) =>
        RequireObject(body, string.Empty, "name", "source")
        ?? CheckString(body, "name")
        ?? CheckString(body, "source")
        ?? CheckBoolean(body, "force")
        ?? CheckBoolean(body, "hidden");

    private static string? CheckCommitCreation(JsonElement body) =>
        RequireObject(body, string.Empty, "message")
        ?? CheckString(body, "message")
        ?? CheckStringMap(body, "metadata")
        ?? CheckInteger(body, "date")
        ?? CheckBoolean(body, "allow_empty")
        ?? CheckBoolean(body, "force");

    private static string? CheckTagCreation(JsonElement body) =>
        RequireObject(body, string.Empty, "id", "ref")
        ?? CheckString(body, "id")
        ?? CheckString(body, "ref")
        ?? CheckBoolean(body, "force");

    private static string? CheckMerge(JsonElement body) =>
        RequireObject(body, string.Empty)
        ?? CheckString(body, "message")
        ?? CheckStringMap(body, "metadata")
        ?? CheckString(body, "strategy")
        ?? CheckBoolean(body, "force")
        ?? CheckBoolean(body, "allow_empty")
        ?? CheckBoolean(body, "squash_merge");

    private static string? CheckStringMap(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return At("/" + name, value.ValueKind == JsonValueKind.Null ? "Value is not nullable" : "value must be an object");
        }

        foreach (var property in value.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String)
            {
                return At($"/{name}/{property.Name}", "value must be a string");
            }
        }

        return null;
    }

    private static string? CheckGcRules(JsonElement body)
    {
        if (RequireObject(body, string.Empty, "default_retention_days", "branches") is { } error)
        {
            return error;
        }

        if (CheckInteger(body, "default_retention_days") is { } days)
        {
            return days;
        }

        var branches = body.GetProperty("branches");
        if (branches.ValueKind != JsonValueKind.Array)
        {
            return At("/branches", branches.ValueKind == JsonValueKind.Null ? "Value is not nullable" : "value must be an array");
        }

        var index = 0;
        foreach (var rule in branches.EnumerateArray())
        {
            var path = $"/branches/{index++}";
            var failure = RequireObject(rule, path, "branch_id", "retention_days")
                ?? CheckString(rule, "branch_id", path: path)
                ?? CheckInteger(rule, "retention_days", path);
            if (failure is not null)
            {
                return failure;
            }
        }

        return null;
    }

    private static string? CheckProtectionRules(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Array)
        {
            return At(string.Empty, "value must be an array");
        }

        var index = 0;
        foreach (var rule in body.EnumerateArray())
        {
            var path = $"/{index++}";
            var failure = RequireObject(rule, path, "pattern") ?? CheckString(rule, "pattern", path: path);
            if (failure is not null)
            {
                return failure;
            }

            if (rule.GetProperty("pattern").GetString()!.Length == 0)
            {
                return At(path + "/pattern", "minimum string length is 1");
            }
        }

        return null;
    }

    private static string? CheckRefsRestore(JsonElement body) =>
        RequireObject(body, string.Empty, "commits_meta_range_id", "tags_meta_range_id", "branches_meta_range_id")
        ?? CheckString(body, "commits_meta_range_id")
        ?? CheckString(body, "tags_meta_range_id")
        ?? CheckString(body, "branches_meta_range_id")
        ?? CheckBoolean(body, "force");

    private static string? RequireObject(JsonElement value, string path, params string[] required)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return At(path, value.ValueKind == JsonValueKind.Null ? "Value is not nullable" : "value must be an object");
        }

        foreach (var name in required)
        {
            if (!value.TryGetProperty(name, out _))
            {
                return At($"{path}/{name}", $"property \"{name}\" is missing");
            }
        }

        return null;
    }

    private static string? CheckString(JsonElement parent, string name, Regex? pattern = null, string? shownPattern = null, string path = "")
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return At($"{path}/{name}", value.ValueKind == JsonValueKind.Null ? "Value is not nullable" : "value must be a string");
        }

        return pattern is not null && !pattern.IsMatch(value.GetString()!)
            ? At($"{path}/{name}", $"string doesn't match the regular expression \"{shownPattern}\"")
            : null;
    }

    private static string? CheckBoolean(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return null;
        }

        return At("/" + name, value.ValueKind == JsonValueKind.Null ? "Value is not nullable" : "value must be a boolean");
    }

    private static string? CheckInteger(JsonElement parent, string name, string path = "")
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            return At($"{path}/{name}", "Value is not nullable");
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _)
            ? null
            : At($"{path}/{name}", "value must be an integer");
    }

    private static string At(string path, string reason) => $"Error at \"{path}\": {reason}";

    // Go's $ matches only at the very end and its . never matches a newline: \z and no Singleline do the same.
    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{2,62}\z", RegexOptions.CultureInvariant)]
    private static partial Regex RepositoryNameRegex();

    [GeneratedRegex(@"^(s3|gs|https?|mem|local|transient)://.*\z", RegexOptions.CultureInvariant)]
    private static partial Regex StorageNamespaceRegex();
}
