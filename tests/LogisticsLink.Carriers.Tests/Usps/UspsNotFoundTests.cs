using System.Net;
using System.Text;
using LogisticsLink.Carriers.Http;
using LogisticsLink.Carriers.Usps;
using LogisticsLink.Domain.Shipments;
using Microsoft.Extensions.Logging.Abstractions;

namespace LogisticsLink.Carriers.Tests.Usps;

/// <summary>Which 404 answers mean "USPS does not know this number yet", and which are an outage of something in between.</summary>
public sealed class UspsNotFoundTests
{
    [Theory]
    [InlineData("application/json", """{"apiVersion":"v3","error":{"code":"404","message":"Tracking is not available for this item at this time. Please try again later."}}""")]
    [InlineData("text/plain", "Tracking is not available for this item.")]
    public async Task USPS_saying_tracking_is_not_available_is_not_found(string mediaType, string body)
    {
        var result = await TrackAgainst(new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent(body, Encoding.UTF8, mediaType) });

        Assert.True(result.IsSuccess, result.FailureReason);
        Assert.Equal(TrackingStatus.NotFound, result.Snapshot!.Status);
    }

    [Fact]
    public async Task A_404_page_of_something_in_between_is_a_failure_not_not_found()
    {
        var page = new StringContent("<html><body>The requested resource is not available.</body></html>", Encoding.UTF8, "text/html");

        var result = await TrackAgainst(new HttpResponseMessage(HttpStatusCode.NotFound) { Content = page });

        Assert.False(result.IsSuccess);
    }

    private static async Task<CarrierResult> TrackAgainst(HttpResponseMessage trackingAnswer)
    {
        using var http = new HttpClient(new CannedUsps(trackingAnswer));
        var client = new UspsClient(http, new CarrierOptions
        {
            BaseUrl = new Uri("https://usps.invalid"), ClientId = "id", ClientSecret = "secret", AttemptTimeout = TimeSpan.FromSeconds(10), MaxRetries = 0,
        }, TimeProvider.System, NullLogger<UspsClient>.Instance);
        return await client.TrackAsync(new CarrierRequest("9400109104250532908580", UspsTestBed.Start), CancellationToken.None);
    }

    /// <summary>A token for the OAuth call, then the given answer for tracking.</summary>
    private sealed class CannedUsps(HttpResponseMessage trackingAnswer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(request.RequestUri!.AbsolutePath.Contains("oauth", StringComparison.OrdinalIgnoreCase)
                ? new HttpResponseMessage(HttpStatusCode.OK)
                {
                    Content = new StringContent("""{"access_token":"token","token_type":"Bearer","expires_in":3600}""", Encoding.UTF8, "application/json"),
                }
                : trackingAnswer);
    }
}
