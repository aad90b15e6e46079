namespace LogisticsLink.Server.Tests.Marketplaces;

/// <summary>Counts the Amazon order searches for exactly the given marketplaces (one connection's region), passing them on.</summary>
internal sealed class AmazonSearchCounter(string marketplaceIds)
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public DelegatingHandler Handler() => new CountingHandler(this);

    private bool Counts(HttpRequestMessage request) =>
        request.RequestUri!.AbsolutePath.EndsWith("/orders", StringComparison.Ordinal) &&
        request.RequestUri.Query.Contains("arketplaceIds=" + marketplaceIds + "&", StringComparison.Ordinal);

    private sealed class CountingHandler(AmazonSearchCounter counter) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (counter.Counts(request))
            {
                Interlocked.Increment(ref counter._count);
            }
            return base.SendAsync(request, cancellationToken);
        }
    }
}
