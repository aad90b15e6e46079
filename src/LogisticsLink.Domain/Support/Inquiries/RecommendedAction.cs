namespace LogisticsLink.Domain.Support.Inquiries;

/// <summary>What the agent should do with an inquiry. Numeric values equal the contract's <c>RecommendedAction</c>.</summary>
public enum RecommendedAction
{
    Unspecified = 0,

    /// <summary>
    /// The parcel moves normally (or arrived), or was shipped and awaits the carrier's first scan, or the order was
    /// cancelled: tell the buyer where it stands.
    /// </summary>
    ShareTracking = 1,

    /// <summary>Fulfilled by Amazon: state Amazon's status and send the buyer to Amazon's support for logistics.</summary>
    RedirectToAmazon = 2,

    /// <summary>Merchant-fulfilled and in trouble (exception, stall, delay): ask the carrier, then answer.</summary>
    ContactCarrier = 3,

    /// <summary>Lost, or on its way back: the parcel will not arrive, offer a refund or a replacement.</summary>
    OfferResolution = 4,

    /// <summary>Not moving yet but still within the promised delivery date: reassure.</summary>
    ReassureWithinPromise = 5,

    /// <summary>Nothing matched: ask the buyer for the order id.</summary>
    AskForOrderId = 6,
}
