namespace LogisticsLink.Carriers;

/// <summary>A carrier whose API answers several numbers in one request (FedEx: 30, La Poste: 10).</summary>
public interface IBatchingCarrierClient : ICarrierClient
{
    /// <summary>The most numbers one request may carry.</summary>
    int MaxBatchSize { get; }

    /// <summary>One result per request, in order.</summary>
    Task<IReadOnlyList<CarrierResult>> TrackManyAsync(IReadOnlyList<CarrierRequest> requests, CancellationToken cancellationToken);
}
