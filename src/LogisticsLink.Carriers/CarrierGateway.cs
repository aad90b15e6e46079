namespace LogisticsLink.Carriers;

/// <summary>Routes a tracking request to the adapter of its carrier.</summary>
public sealed class CarrierGateway(IEnumerable<ICarrierClient> clients)
{
    private readonly Dictionary<string, ICarrierClient> _clients = clients.ToDictionary(c => c.Code, StringComparer.Ordinal);

    public bool IsEnabled(string carrier) => _clients.ContainsKey(carrier);

    public TimeSpan? CadenceOf(string carrier) => _clients.TryGetValue(carrier, out var client) ? client.Cadence : null;

    public Task<CarrierResult> TrackAsync(string carrier, CarrierRequest request, CancellationToken cancellationToken) =>
        _clients.TryGetValue(carrier, out var client)
            ? client.TrackAsync(request, cancellationToken)
            : Task.FromResult(CarrierResult.Failure($"Carrier '{carrier}' is not configured on this server.", transient: true));
}
