namespace LogisticsLink.Server.Tests.Marketplaces;

/// <summary>
/// Holds the first order search that asks for exactly the given marketplaces until the test opens the gate, so that a
/// test can act while a sync round is in the middle of an account. Every other call passes untouched. Put in front of
/// the Amazon client with <see cref="Handler"/> (the HTTP client factory builds a handler per pipeline; all share the gate).
/// </summary>
internal sealed class AmazonSearchGate(string marketplaceIds)
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _answered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _held;

    /// <summary>A search for those marketplaces is being held.</summary>
    public Task Reached => _reached.Task;

    /// <summary>The held search has had its answer.</summary>
    public Task Answered => _answered.Task;

    public void Open() => _open.TrySetResult();

    public DelegatingHandler Handler() => new GatedHandler(this);

    private bool Holds(HttpRequestMessage request) =>
        request.RequestUri!.AbsolutePath.EndsWith("/orders", StringComparison.Ordinal) &&
        request.RequestUri.Query.Contains("arketplaceIds=" + marketplaceIds + "&", StringComparison.Ordinal) &&
        Interlocked.Exchange(ref _held, 1) == 0;

    private sealed class GatedHandler(AmazonSearchGate gate) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!gate.Holds(request))
            {
                return await base.SendAsync(request, cancellationToken);
            }
            gate._reached.TrySetResult();
            await gate._open.Task.WaitAsync(cancellationToken);
            var response = await base.SendAsync(request, cancellationToken);
            gate._answered.TrySetResult();
            return response;
        }
    }
}
