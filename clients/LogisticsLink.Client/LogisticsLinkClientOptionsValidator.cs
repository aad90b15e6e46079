using Microsoft.Extensions.Options;

namespace LogisticsLink.Client;

/// <summary>Lets hosts fail at start-up (<c>ValidateOnStart</c>) instead of at the first call.</summary>
internal sealed class LogisticsLinkClientOptionsValidator : IValidateOptions<LogisticsLinkClientOptions>
{
    public ValidateOptionsResult Validate(string? name, LogisticsLinkClientOptions options) =>
        options.Validate() is { } error ? ValidateOptionsResult.Fail(error) : ValidateOptionsResult.Success;
}
