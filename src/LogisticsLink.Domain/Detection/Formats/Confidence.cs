namespace LogisticsLink.Domain.Detection.Formats;

/// <summary>
/// The confidence scale every format draws from, so that "how sure" means the same across carriers.
/// Everything at or above <see cref="DetectionResult.PlausibleConfidence"/> is a plausible answer on its own.
/// </summary>
internal static class Confidence
{
    /// <summary>Our own sandbox prefix: nobody else issues it.</summary>
    public const double Certain = 0.99;

    /// <summary>A layout with a distinctive prefix or letters whose check digit verifies.</summary>
    public const double Strong = 0.95;

    /// <summary>A distinctive prefix without a check digit (Amazon TBA).</summary>
    public const double Prefixed = 0.9;

    /// <summary>A digits-only layout whose check digit verifies; another carrier could still use the length.</summary>
    public const double Checked = 0.85;

    /// <summary>A verified but weak check (mod 7 passes one number in seven) or a check over an implied prefix.</summary>
    public const double Fair = 0.75;

    /// <summary>A distinctive shape without a check digit.</summary>
    public const double ShapeOnly = 0.6;

    /// <summary>A bare length that several carriers use, without a check digit — never an answer on its own.</summary>
    public const double Weak = 0.4;

    /// <summary>Last resort: La Poste's "11 to 15 alphanumerics" rule.</summary>
    public const double Guess = 0.3;

    /// <summary>A failed check digit keeps the candidate visible (a typo is the likely cause) but far below plausible.</summary>
    public const double FailedCheckFactor = 0.2;
}
