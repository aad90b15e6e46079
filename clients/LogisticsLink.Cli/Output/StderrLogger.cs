using Microsoft.Extensions.Logging;

namespace LogisticsLink.Cli.Output;

/// <summary>
/// Shows the watcher's warnings (reconnects) on stderr, so a watch waiting through an outage is not silently stuck.
/// A full logging stack would be a new dependency for two lines of output.
/// </summary>
internal sealed class StderrLogger<T>(TextWriter error) : ILogger<T>
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(
        LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            error.WriteLine($"logisticslink: {logLevel.ToString().ToLowerInvariant()}: {formatter(state, exception)}");
        }
    }
}
