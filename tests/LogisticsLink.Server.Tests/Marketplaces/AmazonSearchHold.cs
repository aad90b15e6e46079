namespace LogisticsLink.Server.Tests.Marketplaces;

/// <summary>
/// Holds every Amazon order search for exactly the given marketplaces until opened, so the accounts asking them keep a
/// sync round's parallel slots.
/// </summary>
internal sealed class AmazonSearchHold(string marketplaceIds, int expected)
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int _expected = expected;
    private int _held;

    /// <summary><c>expected</c> searches are being held.</summary>
    public Task Reached => _reached.Task;

    public void Open() => _open.TrySetResult();

    public DelegatingHandler Handler() => new HoldingHandler(this);

    private bool Holds(HttpRequestMessage request) =>
        request.RequestUri!.AbsolutePath.EndsWith("/orders", StringComparison.Ordinal) &&
        request.RequestUri.Query.Contains("arketplaceIds=" + marketplaceIds + "&", StringComparison.Ordinal);

    private sealed class HoldingHandler(AmazonSearchHold hold) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (hold.Holds(request))
            {
                if (Interlocked.Increment(ref hold._held) == hold._expected)
                {
                    hold._reached.TrySetResult();
                }
                await hold._open.Task.WaitAsync(cancellationToken);
            }
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
