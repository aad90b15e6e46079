namespace LogisticsLink.Carriers.Sandbox;

/// <summary>Sandbox tracking numbers: "LLSB" followed by 10 digits; the last digit picks the scenario.</summary>
public static class SandboxNumber
{
    public static bool IsSandbox(string trackingNumber) =>
        trackingNumber.Length == 14 &&
        trackingNumber.StartsWith("LLSB", StringComparison.Ordinal) &&
        trackingNumber.AsSpan(4).IndexOfAnyExceptInRange('0', '9') < 0;

    public static SandboxScenario ScenarioOf(string trackingNumber) => SandboxScenarios.ForDigit(trackingNumber[^1] - '0');
}
