using Microsoft.AspNetCore.Routing;

namespace LogisticsLink.Sandbox;

/// <summary>A carrier's API as the sandbox serves it: its documented routes under the simulator's own path prefix.</summary>
public interface ICarrierSimulator
{
    /// <summary>Path prefix under which the carrier's documented paths are served, e.g. "/ups".</summary>
    string PathPrefix { get; }

    /// <summary>Maps the carrier's documented endpoints (token, tracking) relative to <see cref="PathPrefix"/>.</summary>
    void Map(IEndpointRouteBuilder routes);
}
