using Google.Protobuf.WellKnownTypes;
using LogisticsLink.Domain.Support.Evidence;
using LogisticsLink.V1;

namespace LogisticsLink.Server.Mapping;

/// <summary>Stored claims → the contract's <see cref="Claim"/> (without evidence needs; RegisterClaim adds them).</summary>
public static class ClaimMapper
{
    public static Claim ToProto(ClaimRecord c) => new()
    {
        ClaimId = c.ClaimId, Channel = c.Channel, OrderId = c.OrderId, Kind = c.Kind,
        OpenedAt = Timestamp.FromDateTimeOffset(c.OpenedAt), RespondBy = Timestamp.FromDateTimeOffset(c.RespondBy),
        RegisteredAt = Timestamp.FromDateTimeOffset(c.RegisteredAt),
    };
}
