using Microsoft.Extensions.Options;

namespace LakeFs.Actions.Client;

/// <summary>Validates <see cref="LakeFsClientOptions"/> at start-up with messages that name each setting.</summary>
internal sealed class LakeFsClientOptionsValidator : IValidateOptions<LakeFsClientOptions>
{
    public ValidateOptionsResult Validate(string? name, LakeFsClientOptions options)
    {
        var errors = options.Validate();
        if (errors.Count == 0)
        {
            return ValidateOptionsResult.Success;
        }

        var prefix = string.IsNullOrEmpty(name) ? "LakeFs client options: " : $"LakeFs client options '{name}': ";
        return ValidateOptionsResult.Fail(errors.Select(error => prefix + error));
    }
}
