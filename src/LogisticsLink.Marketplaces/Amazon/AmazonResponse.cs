using System.Net;

namespace LogisticsLink.Marketplaces.Amazon;

/// <summary>An SP-API answer, read to the end: status, body and Amazon's request id (for support cases).</summary>
internal sealed record AmazonResponse(AmazonOperation Operation, HttpStatusCode Status, string Body, string RequestId)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    /// <summary>
    /// The failure this answer means: the operation, the status, Amazon's error list and request id. Throttling,
    /// 408 and 5xx are transient; other 4xx are not (the same call would be refused again).
    /// </summary>
    public AmazonCallException Failure()
    {
        var errors = AmazonErrors.Describe(Body);
        var transient = Status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout or >= HttpStatusCode.InternalServerError;
        var reason = $"{Operation.Name} HTTP {(int)Status}" +
            (errors.Length == 0 ? "" : $" {errors}") +
            (RequestId.Length == 0 ? "" : $" [x-amzn-RequestId {RequestId}]");
        return new AmazonCallException(reason, transient);
    }
}
