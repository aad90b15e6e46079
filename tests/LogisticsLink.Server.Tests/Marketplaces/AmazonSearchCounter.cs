namespace LogisticsLink.Server.Tests.Marketplaces;

/// <summary>Counts the Amazon order searches for exactly the given marketplaces (one connection's region), passing them on.</summary>
internal sealed class AmazonSearchCounter(string marketplaceIds)
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public DelegatingHandler Handler() => new CountingHandler(this);

    private sealed class CountingHandler(AmazonSearchCounter counter) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath.EndsWith("/orders", StringComparison.Ordinal) &&
                request.RequestUri.Query.Contains("arketplaceIds=" + counter._marketplaceIds + "&", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref counter._count);
            }
            return base.SendAsync(request, cancellationToken);
        }
    }

    private readonly string _marketplaceIds = marketplaceIds;
}
