namespace LogisticsLink.Carriers.Dpd;

/// <summary>
/// DPD's DELIS web services (BE/NL "shipper" hosts): the login and parcel-lifecycle SOAP services this adapter calls.
/// DPD publishes no rate limit for them, so <see cref="RateLimitPermits"/> is 0 (no limiter); set
/// <c>CarrierOptions.RateLimitPermits</c> if DPD gives your account one.
/// </summary>
public static class DpdDefaults
{
    public const string Code = "dpd";

    /// <summary>No published quota (0 = unlimited for <c>CarrierOptions.RateLimitPermits</c>).</summary>
    public const int RateLimitPermits = 0;

    public static readonly Uri ProductionBaseUrl = new("https://wsshipper.dpd.be");
    public static readonly Uri ProductionBaseUrlNl = new("https://wsshipper.dpd.nl");
    public static readonly Uri TestBaseUrl = new("https://shipperadmintest.dpd.be/PublicApi");

    public const string LoginPath = "/soap/services/LoginService/V2_1";
    public const string TrackPath = "/soap/services/ParcelLifeCycleService/V2_0";

    public const string SoapNamespace = "http://schemas.xmlsoap.org/soap/envelope/";
    public const string LoginNamespace = "http://dpd.com/common/service/types/LoginService/2.1";
    public const string AuthenticationNamespace = "http://dpd.com/common/service/types/Authentication/2.0";
    public const string LifeCycleNamespace = "http://dpd.com/common/service/types/ParcelLifeCycleService/2.0";

    public const string LoginAction = LoginNamespace + "/getAuth";
    public const string TrackAction = LifeCycleNamespace + "/getTrackingData";

    /// <summary>Texts come back in English; the status codes do not depend on it.</summary>
    public const string MessageLanguage = "en_EN";

    /// <summary>The SOAP fault DPD answers for a refused login or an expired/unknown authToken.</summary>
    public const string AuthenticationErrorCode = "DELICOM_ERR_AUTHENTICATION";
}
