namespace LogisticsLink.Server.Hosting;

/// <summary>What became of each carrier connector at start-up, logged once the logger exists.</summary>
public sealed partial class CarrierStartupReport
{
    private readonly List<Action<ILogger>> _lines = [];

    public void Enabled(string carrier, Uri baseUrl) => _lines.Add(logger => LogEnabled(logger, carrier, baseUrl.GetLeftPart(UriPartial.Authority)));

    public void Disabled(string carrier, string why) => _lines.Add(logger => LogDisabled(logger, carrier, why));

    public void Simulated(string carrier) => _lines.Add(logger => LogSimulated(logger, carrier));

    public void Log(ILogger logger)
    {
        foreach (var line in _lines)
        {
            line(logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Carrier {Carrier} enabled ({BaseUrl}).")]
    private static partial void LogEnabled(ILogger logger, string carrier, string baseUrl);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Carrier {Carrier} disabled: {Why}.")]
    private static partial void LogDisabled(ILogger logger, string carrier, string why);

    [LoggerMessage(Level = LogLevel.Information, Message = "Carrier {Carrier} is simulated by the sandbox (Sandbox:SimulateCarriers).")]
    private static partial void LogSimulated(ILogger logger, string carrier);
}
