using Microsoft.Extensions.Options;

namespace LogisticsLink.Server.Webhooks;

/// <summary>Start-up validation of <c>Webhooks</c>; each message names the key that is wrong.</summary>
public sealed class WebhookOptionsValidation : IValidateOptions<WebhookOptions>
{
    public const int MinSecretLength = 16;

    public ValidateOptionsResult Validate(string? name, WebhookOptions o)
    {
        var errors = new List<string>();
        if (o.Ups.Enabled)
        {
            Check(errors, o.Ups.Credential!.Length >= MinSecretLength, $"Webhooks:Ups:Credential must be at least {MinSecretLength} characters.");
            Check(errors, !string.IsNullOrWhiteSpace(o.Ups.TenantId), "Webhooks:Ups:TenantId is required when Webhooks:Ups:Credential is set.");
        }
        if (o.Aggregator.Enabled)
        {
            Check(errors, o.Aggregator.Secret!.Length >= MinSecretLength, $"Webhooks:Aggregator:Secret must be at least {MinSecretLength} characters.");
            Check(errors, !string.IsNullOrWhiteSpace(o.Aggregator.TenantId), "Webhooks:Aggregator:TenantId is required when Webhooks:Aggregator:Secret is set.");
            Check(errors, o.Aggregator.Tolerance >= TimeSpan.FromSeconds(1) && o.Aggregator.Tolerance <= TimeSpan.FromHours(1),
                $"Webhooks:Aggregator:Tolerance must be between 00:00:01 and 01:00:00 (got {o.Aggregator.Tolerance}).");
        }
        Check(errors, o.DedupCapacity is >= 1 and <= 10_000_000, $"Webhooks:DedupCapacity must be between 1 and 10000000 (got {o.DedupCapacity}).");
        Check(errors, o.DedupWindow > TimeSpan.Zero, $"Webhooks:DedupWindow must be a positive duration such as 1.00:00:00 (got {o.DedupWindow}).");
        Check(errors, o.MaxBodyBytes is >= 1024 and <= 16 * 1024 * 1024, $"Webhooks:MaxBodyBytes must be between 1024 and 16777216 (got {o.MaxBodyBytes}).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Check(List<string> errors, bool ok, string message)
    {
        if (!ok)
        {
            errors.Add(message);
        }
    }
}
