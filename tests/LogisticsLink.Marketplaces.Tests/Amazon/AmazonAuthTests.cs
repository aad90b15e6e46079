using LogisticsLink.Sandbox;

namespace LogisticsLink.Marketplaces.Tests.Amazon;

/// <summary>Login with Amazon: one token per account until shortly before expiry, one re-authentication on refusal.</summary>
public sealed class AmazonAuthTests
{
    private const string OrderId = "113-5550001-0000010";

    [Fact]
    public async Task The_token_is_exchanged_once_and_reused_even_by_concurrent_calls()
    {
        await using var bed = await AmazonTestBed.StartAsync();
        var client = bed.Client();

        var pages = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => client.FetchOrderAsync(AmazonTestBed.Account(), OrderId, CancellationToken.None)));

        Assert.All(pages, p => Assert.True(p.IsSuccess, p.FailureReason));
        Assert.Equal(1, bed.Simulator.Faults.TokenCalls);
        Assert.Equal(5, bed.Simulator.CallsTo("getOrder"));
    }

    [Fact]
    public async Task The_token_is_exchanged_again_shortly_before_it_expires()
    {
        await using var bed = await AmazonTestBed.StartAsync(tokenLifetime: TimeSpan.FromMinutes(5));
        var client = bed.Client();

        Assert.True((await client.FetchOrderAsync(AmazonTestBed.Account(), OrderId, CancellationToken.None)).IsSuccess);
        bed.FakeClock.Advance(TimeSpan.FromMinutes(3));
        Assert.True((await client.FetchOrderAsync(AmazonTestBed.Account(), OrderId, CancellationToken.None)).IsSuccess);
        Assert.Equal(1, bed.Simulator.Faults.TokenCalls);

        bed.FakeClock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        Assert.True((await client.FetchOrderAsync(AmazonTestBed.Account(), OrderId, CancellationToken.None)).IsSuccess);
        Assert.Equal(2, bed.Simulator.Faults.TokenCalls);
        Assert.Equal(3, bed.Simulator.CallsTo("getOrder"));
    }

    [Fact]
    public async Task Each_account_has_its_own_token()
    {
        await using var bed = await AmazonTestBed.StartAsync();
        var client = bed.Client();

        Assert.True((await client.FetchOrderAsync(AmazonTestBed.Account(), OrderId, CancellationToken.None)).IsSuccess);
        var other = AmazonTestBed.Account() with { TenantId = "tenant-b", Credentials = new Dictionary<string, string>(AmazonTestBed.Account().Credentials) { ["refresh_token"] = "Atzr|other" } };
        var refused = await client.FetchOrderAsync(other, OrderId, CancellationToken.None);

        Assert.False(refused.IsSuccess);
        Assert.Equal(2, bed.Simulator.Faults.TokenCalls);
    }

    [Fact]
    public async Task A_401_reauthenticates_exactly_once_then_succeeds()
    {
        await using var bed = await AmazonTestBed.StartAsync();
        var client = bed.Client();
        bed.Simulator.Faults.Enqueue(SimulatorFault.Unauthorized);

        var page = await client.FetchOrderAsync(AmazonTestBed.Account(), OrderId, CancellationToken.None);

        Assert.True(page.IsSuccess, page.FailureReason);
        Assert.Equal(2, bed.Simulator.Faults.TokenCalls);
        Assert.Equal(2, bed.Simulator.CallsTo("getOrder"));
    }

    [Fact]
    public async Task A_revoked_token_answered_with_403_is_replaced_once()
    {
        await using var bed = await AmazonTestBed.StartAsync();
        var client = bed.Client();
        Assert.True((await client.FetchOrderAsync(AmazonTestBed.Account(), OrderId, CancellationToken.None)).IsSuccess);
        bed.Simulator.RevokeTokens();

        var page = await client.FetchOrderAsync(AmazonTestBed.Account(), OrderId, CancellationToken.None);

        Assert.True(page.IsSuccess, page.FailureReason);
        Assert.Equal(2, bed.Simulator.Faults.TokenCalls);
        Assert.Equal(3, bed.Simulator.CallsTo("getOrder"));
    }

    [Fact]
    public async Task A_second_refusal_is_a_failure_not_a_loop()
    {
        await using var bed = await AmazonTestBed.StartAsync();
        bed.Simulator.Faults.Enqueue(SimulatorFault.Unauthorized, SimulatorFault.Unauthorized, SimulatorFault.Unauthorized);

        var page = await bed.Client().FetchOrderAsync(AmazonTestBed.Account(), OrderId, CancellationToken.None);

        Assert.False(page.IsSuccess);
        Assert.False(page.Transient);
        Assert.StartsWith("amazon: getOrder HTTP 401 Unauthorized: Access to requested resource is denied.", page.FailureReason);
        Assert.Equal(2, bed.Simulator.Faults.TokenCalls);
        Assert.Equal(2, bed.Simulator.CallsTo("getOrder"));
    }

    [Fact]
    public async Task A_refused_refresh_token_is_a_permanent_failure_naming_LWA_error_and_no_secret()
    {
        await using var bed = await AmazonTestBed.StartAsync();

        var page = await bed.Client().FetchOrderAsync(AmazonTestBed.Account(refreshToken: "Atzr|stale-token-value"), OrderId, CancellationToken.None);

        Assert.False(page.IsSuccess);
        Assert.False(page.Transient);
        Assert.Equal("amazon: Login with Amazon refused the credentials (HTTP 400 invalid_grant: The request has an invalid grant parameter : refresh_token)", page.FailureReason);
        Assert.DoesNotContain("stale-token-value", page.FailureReason);
        Assert.Equal(0, bed.Simulator.CallsTo("getOrder"));
    }

    [Fact]
    public async Task A_wrong_client_secret_is_refused_as_invalid_client()
    {
        await using var bed = await AmazonTestBed.StartAsync();

        var page = await bed.Client().FetchChangedOrdersAsync(AmazonTestBed.Account(secret: "wrong-secret"), "", AmazonTestBed.Start.AddDays(-1), CancellationToken.None);

        Assert.False(page.IsSuccess);
        Assert.False(page.Transient);
        Assert.Contains("HTTP 401 invalid_client", page.FailureReason);
        Assert.DoesNotContain("wrong-secret", page.FailureReason);
    }

    [Fact]
    public async Task Missing_credentials_are_named_without_calling_anyone()
    {
        await using var bed = await AmazonTestBed.StartAsync();
        var account = AmazonTestBed.Account() with { Credentials = new Dictionary<string, string> { ["client_id"] = AmazonTestBed.ClientId } };

        var page = await bed.Client().FetchOrderAsync(account, OrderId, CancellationToken.None);

        Assert.Equal("amazon: the connection lacks client_secret, refresh_token", page.FailureReason);
        Assert.False(page.Transient);
        Assert.Equal(0, bed.Simulator.Faults.TokenCalls);
    }
}
