using Microsoft.Extensions.Options;

namespace LakeFs.Actions.Webhooks;

/// <summary>Validates <see cref="LakeFsWebhookOptions"/> with messages that name each setting.</summary>
internal sealed class LakeFsWebhookOptionsValidator : IValidateOptions<LakeFsWebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, LakeFsWebhookOptions options)
    {
        var errors = options.Validate();
        if (errors.Count == 0)
        {
            return ValidateOptionsResult.Success;
        }

        var prefix = string.IsNullOrEmpty(name) ? "lakeFS webhook options: " : $"lakeFS webhook options '{name}': ";
        return ValidateOptionsResult.Fail(errors.Select(error => prefix + error));
    }
}
