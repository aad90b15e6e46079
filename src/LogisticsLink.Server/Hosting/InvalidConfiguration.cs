using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Options;

namespace LogisticsLink.Server.Hosting;

/// <summary>
/// Start-up failures that are the operator's configuration, not a bug. Their messages name the wrong keys, so they are
/// printed as they are, one line each, without the stack trace an unhandled exception would add.
/// </summary>
public static class InvalidConfiguration
{
    /// <summary>The configuration binder's assembly: its errors name the key whose value does not convert ('abc' for a duration).</summary>
    private const string BinderAssembly = "Microsoft.Extensions.Configuration.Binder";

    /// <summary>The messages of a start-up failure that is invalid configuration; none for any other failure.</summary>
    public static IReadOnlyList<string> MessagesOf(Exception failure) => failure switch
    {
        OptionsValidationException invalid => [.. invalid.Failures],
        InvalidOperationException { Source: BinderAssembly } unconvertible => [unconvertible.Message],
        AggregateException { InnerExceptions: var inner } when inner.All(e => MessagesOf(e).Count > 0) => [.. inner.SelectMany(MessagesOf).Distinct()],
        _ => [],
    };

    /// <summary>
    /// Validates every options section now rather than when the host starts, where a failure is first logged as a crash,
    /// stack trace included.
    /// </summary>
    public static void ThrowIfAny(IServiceProvider services)
    {
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (AggregateException all) when (all.InnerExceptions.DistinctBy(e => e.Message).ToList() is [var only])
        {
            // A section whose validation reads another one (the scheduler's reads the storage's) fails with that one's
            // error too: one wrong key is one error.
            ExceptionDispatchInfo.Throw(only);
        }
    }

    /// <summary>A setting read while the services are registered, before options validation exists, refused as it would refuse it.</summary>
    public static OptionsValidationException Of<TOptions>(string key, IEnumerable<string> messages) =>
        new(key, typeof(TOptions), messages);
}
