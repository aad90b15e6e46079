using LogisticsLink.Carriers.Sandbox;
using LogisticsLink.Domain.Scheduling;
using LogisticsLink.Domain.Risks;
using LogisticsLink.Marketplaces;
using LogisticsLink.Server.Api;
using LogisticsLink.Server.Auth;
using LogisticsLink.Server.Marketplaces;
using LogisticsLink.Server.Orders;
using LogisticsLink.Server.Scheduling;
using LogisticsLink.Server.Streaming;
using LogisticsLink.Server.Tracking;
using LogisticsLink.Storage;
using Microsoft.Extensions.Options;

namespace LogisticsLink.Server.Hosting;

/// <summary>
/// Start-up validation of every options section. Each message names the configuration key that is wrong, so an
/// operator can fix the file without reading code.
/// </summary>
public sealed class OptionsValidation :
    IValidateOptions<StorageOptions>, IValidateOptions<StreamOptions>, IValidateOptions<SchedulerOptions>,
    IValidateOptions<SandboxOptions>, IValidateOptions<AuthOptions>, IValidateOptions<TrackingOptions>,
    IValidateOptions<OrderOptions>, IValidateOptions<MarketplaceSecurityOptions>, IValidateOptions<RiskRules>,
    IValidateOptions<MarketplaceOptions>, IValidateOptions<MarketplaceSyncOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions o) => o.Provider switch
    {
        StorageOptions.SqliteProvider => Result(
            Check(!string.IsNullOrWhiteSpace(o.Sqlite.Path), "Storage:Sqlite:Path must name a database file."),
            Positive(o.Sqlite.BusyTimeout, "Storage:Sqlite:BusyTimeout")),
        StorageOptions.PostgresProvider => Result(
            Check(!string.IsNullOrWhiteSpace(o.Postgres.ConnectionString), "Storage:Postgres:ConnectionString is required when Storage:Provider is 'Postgres'."),
            Check(ValidConnectionString(o.Postgres.ConnectionString), "Storage:Postgres:ConnectionString is not a valid Npgsql connection string."),
            Positive(o.Postgres.StartupTimeout, "Storage:Postgres:StartupTimeout")),
        _ => Result(Check(false, "Storage:Provider must be 'Sqlite' or 'Postgres' (got '{0}').", o.Provider)),
    };

    internal static bool ValidConnectionString(string value)
    {
        try
        {
            _ = new Npgsql.NpgsqlConnectionStringBuilder(value);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public ValidateOptionsResult Validate(string? name, StreamOptions o) => Result(
        TimerPeriod(o.HeartbeatInterval, "Streams:HeartbeatInterval"),
        Check(o.SubscriberBufferSize is >= 16 and <= 1_000_000, "Streams:SubscriberBufferSize must be between 16 and 1000000 (got {0}).", o.SubscriberBufferSize),
        Check(o.ReplayBatchSize is >= 1 and <= 100_000, "Streams:ReplayBatchSize must be between 1 and 100000 (got {0}).", o.ReplayBatchSize),
        TimerPeriod(o.LogPollInterval, "Streams:LogPollInterval"),
        TimerPeriod(o.WriteTimeout, "Streams:WriteTimeout"));

    public ValidateOptionsResult Validate(string? name, SchedulerOptions o) => Result(
        [
            TimerPeriod(o.PollInterval, "Scheduler:PollInterval"),
            Positive(o.LeaseDuration, "Scheduler:LeaseDuration"),
            Check(o.BatchSize is >= 1 and <= 100_000, "Scheduler:BatchSize must be between 1 and 100000 (got {0}).", o.BatchSize),
            Check(o.MaxConcurrency is >= 1 and <= 1024, "Scheduler:MaxConcurrency must be between 1 and 1024 (got {0}).", o.MaxConcurrency),
            Positive(o.ExpireUnknownAfter, "Scheduler:ExpireUnknownAfter"),
            Check(o.Intervals.Jitter is >= 0 and <= 0.5, "Scheduler:Intervals:Jitter must be between 0 and 0.5 (got {0}).", o.Intervals.Jitter),
            .. IntervalErrors(o.Intervals),
        ]);

    /// <summary>RefreshWait is also the default ResolveInquiry deadline, which a request may set to at most 60 s.</summary>
    public ValidateOptionsResult Validate(string? name, TrackingOptions o) => Result(
        Check(o.RefreshWait > TimeSpan.Zero && o.RefreshWait <= SupportRequests.MaxDeadline,
            "Tracking:RefreshWait must be more than 0 and at most {0} (got {1}).", SupportRequests.MaxDeadline, o.RefreshWait),
        Check(o.CacheSize is >= 1 and <= 100_000_000, "Tracking:CacheSize must be between 1 and 100000000 (got {0}).", o.CacheSize),
        Check(o.KnownEventsCacheSize is >= 0 and <= 100_000_000,
            "Tracking:KnownEventsCacheSize must be between 0 and 100000000 (got {0}).", o.KnownEventsCacheSize));

    /// <summary>
    /// Unshipped orders are judged every sweep: longer than a day would leave a missed ship-by date unflagged for days
    /// (which also keeps the period far within what a timer takes).
    /// </summary>
    public ValidateOptionsResult Validate(string? name, OrderOptions o) => Result(
        Check(o.SweepInterval >= TimeSpan.FromSeconds(1) && o.SweepInterval <= TimeSpan.FromDays(1),
            "Orders:SweepInterval must be between 00:00:01 and 1.00:00:00 (got {0}).", o.SweepInterval),
        Check(o.ReviewConcurrency is >= 1 and <= 64, "Orders:ReviewConcurrency must be between 1 and 64 (got {0}).", o.ReviewConcurrency));

    public ValidateOptionsResult Validate(string? name, MarketplaceSecurityOptions o) => Result(Check(
        string.IsNullOrEmpty(o.EncryptionKey) || IsKey(o.EncryptionKey),
        "Marketplaces:EncryptionKey must be 32 bytes in base64 (e.g. the output of 'openssl rand -base64 32')."));

    public ValidateOptionsResult Validate(string? name, MarketplaceOptions o) => Result(
        Check(o.Amazon.Endpoint is null || o.Amazon.Endpoint.IsAbsoluteUri, "Marketplaces:Amazon:Endpoint must be an absolute URL when set."),
        Check(o.Amazon.LwaEndpoint is { IsAbsoluteUri: true }, "Marketplaces:Amazon:LwaEndpoint must be an absolute URL."),
        Positive(o.Amazon.ReportFirstPoll, "Marketplaces:Amazon:ReportFirstPoll"),
        Check(o.Shopify.BaseUrl is null || o.Shopify.BaseUrl.IsAbsoluteUri, "Marketplaces:Shopify:BaseUrl must be an absolute URL when set."),
        Check(o.Ebay.BaseUrl is { IsAbsoluteUri: true }, "Marketplaces:Ebay:BaseUrl must be an absolute URL."),
        Check(o.Ebay.TokenEndpoint is { IsAbsoluteUri: true }, "Marketplaces:Ebay:TokenEndpoint must be an absolute URL."),
        Check(o.Ebay.DailyCallLimit >= 1, "Marketplaces:Ebay:DailyCallLimit must be at least 1 call a day (eBay's default is 100000)."));

    public ValidateOptionsResult Validate(string? name, MarketplaceSyncOptions o) => Result(
        [
            TimerPeriod(o.SyncInterval, "Marketplaces:SyncInterval"),
            Check(o.InitialSyncWindow > TimeSpan.Zero && o.InitialSyncWindow <= TimeSpan.FromDays(365),
                "Marketplaces:InitialSyncWindow must be between 00:00:01 and 365.00:00:00 (got {0}).", o.InitialSyncWindow),
            TimerPeriod(o.Amazon.FbaReportInterval, "Marketplaces:Amazon:FbaReportInterval"),
            .. o.Accounts.SelectMany(AccountErrors),
        ]);

    private static IEnumerable<string?> AccountErrors(ConfiguredMarketplaceAccount account, int i)
    {
        var key = $"Marketplaces:Accounts:{i}";
        yield return Check(!string.IsNullOrWhiteSpace(account.Tenant), "{0}:Tenant is required.", key);
        var channel = account.Channel.Trim().ToLowerInvariant();
        if (!OrderRequests.RequiredCredentials.TryGetValue(channel, out var required))
        {
            yield return Check(false, "{0}:Channel must be one of {1} (got '{2}').", key,
                string.Join(", ", OrderRequests.RequiredCredentials.Keys), account.Channel);
            yield break;
        }
        foreach (var credential in required)
        {
            yield return Check(account.Credentials.TryGetValue(credential, out var value) && !string.IsNullOrWhiteSpace(value),
                "{0}:Credentials:{1} is required for {2}.", key, credential, channel);
        }
        yield return Check(channel != "amazon" || account.MarketplaceIds.Any(id => !string.IsNullOrWhiteSpace(id)),
            "{0}:MarketplaceIds needs at least one Amazon marketplace id.", key);
    }

    private static bool IsKey(string base64)
    {
        var buffer = new byte[33];
        return Convert.TryFromBase64String(base64, buffer, out var written) && written == 32;
    }

    public ValidateOptionsResult Validate(string? name, RiskRules o) => Result(
        Positive(o.StalledInfoReceived, "Risks:StalledInfoReceived"),
        Positive(o.StalledInTransit, "Risks:StalledInTransit"),
        Positive(o.StalledOutForDelivery, "Risks:StalledOutForDelivery"),
        Positive(o.StalledAvailableForPickup, "Risks:StalledAvailableForPickup"),
        Positive(o.StalledException, "Risks:StalledException"),
        Positive(o.ValidTrackingGrace, "Risks:ValidTrackingGrace"));

    public ValidateOptionsResult Validate(string? name, SandboxOptions o) =>
        Result(Positive(o.StepInterval, "Sandbox:StepInterval"));

    public ValidateOptionsResult Validate(string? name, AuthOptions o) => Result(o.ApiKeys.SelectMany((key, i) => new[]
    {
        Check(!string.IsNullOrWhiteSpace(key.Tenant), "Auth:ApiKeys:{0}:Tenant is required.", i),
        Check(string.IsNullOrEmpty(key.Key) != string.IsNullOrEmpty(key.KeySha256), "Auth:ApiKeys:{0} needs exactly one of Key or KeySha256.", i),
        Check(string.IsNullOrEmpty(key.Key) || key.Key.Length >= 16, "Auth:ApiKeys:{0}:Key must be at least 16 characters.", i),
        Check(string.IsNullOrEmpty(key.KeySha256) || (key.KeySha256.Length == 64 && key.KeySha256.All(Uri.IsHexDigit)),
            "Auth:ApiKeys:{0}:KeySha256 must be 64 hexadecimal characters.", i),
    }).Concat(RepeatedKeys(o.ApiKeys)).ToArray());

    /// <summary>
    /// One key listed twice (a copied entry whose Key was not changed, or a Key beside its own KeySha256) would let the
    /// later entry's tenant silently take the earlier one's callers.
    /// </summary>
    private static IEnumerable<string?> RepeatedKeys(List<ApiKeyOptions> keys)
    {
        var firstWith = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++)
        {
            var digest = string.IsNullOrEmpty(keys[i].Key) ? keys[i].KeySha256?.ToLowerInvariant() : ApiKeyRegistry.Digest(keys[i].Key!);
            if (string.IsNullOrEmpty(digest))
            {
                continue;
            }
            if (firstWith.TryGetValue(digest, out var first))
            {
                yield return $"Auth:ApiKeys:{i} is the same key as Auth:ApiKeys:{first}: each key must be different (a key identifies one tenant).";
            }
            else
            {
                firstWith[digest] = i;
            }
        }
    }

    private static IEnumerable<string?> IntervalErrors(RefreshIntervals i) =>
    [
        Positive(i.UnknownInitial, "Scheduler:Intervals:UnknownInitial"),
        Check(i.UnknownMax >= i.UnknownInitial, "Scheduler:Intervals:UnknownMax must not be shorter than UnknownInitial."),
        Positive(i.InfoReceived, "Scheduler:Intervals:InfoReceived"),
        Positive(i.InTransit, "Scheduler:Intervals:InTransit"),
        Positive(i.OutForDelivery, "Scheduler:Intervals:OutForDelivery"),
        Positive(i.AttemptFailedOrException, "Scheduler:Intervals:AttemptFailedOrException"),
        Positive(i.AvailableForPickup, "Scheduler:Intervals:AvailableForPickup"),
        Positive(i.Returning, "Scheduler:Intervals:Returning"),
        Positive(i.FailureInitial, "Scheduler:Intervals:FailureInitial"),
        Check(i.FailureMax >= i.FailureInitial, "Scheduler:Intervals:FailureMax must not be shorter than FailureInitial."),
    ];

    /// <summary>
    /// The longest interval a timer-driven loop is given. A timer refuses a period above about 49.7 days (uint.MaxValue - 1
    /// ms), and only once its hosted service runs, after start-up, naming "period" rather than the key.
    /// </summary>
    private static readonly TimeSpan LongestTimerPeriod = TimeSpan.FromDays(30);

    private static string? TimerPeriod(TimeSpan value, string key) =>
        Positive(value, key) ?? Check(value <= LongestTimerPeriod, "{0} must be at most {1} (got {2}).", key, LongestTimerPeriod, value);

    private static string? Positive(TimeSpan value, string key) =>
        Check(value > TimeSpan.Zero, "{0} must be a positive duration such as 00:00:05 (got {1}).", key, value);

    private static string? Check(bool ok, string format, params object[] args) => ok ? null : string.Format(format, args);

    private static ValidateOptionsResult Result(params IEnumerable<string?> errors)
    {
        var failures = errors.OfType<string>().ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
