using Google.Protobuf.WellKnownTypes;
using LogisticsLink.Server.Marketplaces;
using LogisticsLink.Server.Orders;
using LogisticsLink.Storage;
using LogisticsLink.V1;

namespace LogisticsLink.Server.Mapping;

/// <summary>
/// Marketplace accounts → the contract's <see cref="MarketplaceConnection"/>: what is connected and how its sync goes,
/// with the names of its credentials and never their values.
/// </summary>
public static class MarketplaceConnectionMapper
{
    public static MarketplaceConnection ToProto(MarketplaceConnectionRecord c, CredentialProtector protector)
    {
        var connection = new MarketplaceConnection
        {
            Channel = c.Channel,
            MarketplaceIds = { c.MarketplaceIds },
            CredentialKeys = { CredentialKeys(c, protector) },
            ConnectedAt = Timestamp.FromDateTimeOffset(c.ConnectedAt),
            LastError = c.LastError,
        };
        if (c.LastSyncedAt is { } synced)
        {
            connection.LastSyncedAt = Timestamp.FromDateTimeOffset(synced);
        }
        return connection;
    }

    public static MarketplaceConnection ToProto(ConfiguredAccountState a)
    {
        var connection = new MarketplaceConnection
        {
            Channel = a.Channel,
            MarketplaceIds = { a.MarketplaceIds },
            CredentialKeys = { a.CredentialKeys },
            LastError = a.Status?.LastError ?? "",
            ConfigurationKey = a.ConfigurationKey,
        };
        if (a.Status?.LastSyncedAt is { } synced)
        {
            connection.LastSyncedAt = Timestamp.FromDateTimeOffset(synced);
        }
        return connection;
    }

    /// <summary>
    /// The keys are sealed with the values: read in memory only, as a sync round reads them. Without the key that sealed
    /// them there are none to show, and the connection's last error already says why it cannot sync.
    /// </summary>
    private static IEnumerable<string> CredentialKeys(MarketplaceConnectionRecord c, CredentialProtector protector)
    {
        if (!protector.IsConfigured)
        {
            return [];
        }
        try
        {
            return protector.Unprotect(c.TenantId, c.Channel, c.EncryptedCredentials).Keys.Order(StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return [];
        }
    }
}
