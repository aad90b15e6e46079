namespace LogisticsLink.Domain.Shipments;

/// <summary>
/// What the carrier holds as proof that a parcel was delivered: kept for claims (an A-to-z claim is won with it).
/// </summary>
/// <param name="SignedBy">Who signed or received the parcel, as the carrier spells it.</param>
/// <param name="Location">Where it was left ("Front door", "Locker 12", a neighbour).</param>
/// <param name="HasSignature">The carrier holds a signature image.</param>
/// <param name="HasPhoto">The carrier holds a delivery photo.</param>
public sealed record ProofOfDelivery(string SignedBy, string Location, bool HasSignature, bool HasPhoto)
{
    public bool IsEmpty => SignedBy.Length == 0 && Location.Length == 0 && !HasSignature && !HasPhoto;
}
