namespace LogisticsLink.Carriers.Dpd;

/// <summary>
/// DPD answered with XML this adapter cannot read safely. Thrown inside the adapter only and always turned into a
/// failed result for the one parcel: a status read from a body we do not understand could be a wrong status.
/// </summary>
public sealed class DpdUnexpectedResponseException(string message) : Exception(message);

/// <summary>DPD's login service refused the DELIS id and password (a configuration problem, not an outage).</summary>
public sealed class DpdLoginRefusedException(string message) : Exception(message);
