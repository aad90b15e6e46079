namespace LogisticsLink.Domain.Support.Inquiries;

/// <summary>
/// The deadlines Amazon measures sellers by (reference: marketplaces.md §5.3 and §5.8): a buyer message is answered
/// within 24 hours, weekends and holidays included; an A-to-z claim's request for information within 48 hours.
/// </summary>
public static class SupportClocks
{
    public static readonly TimeSpan InquiryResponse = TimeSpan.FromHours(24);

    public static readonly TimeSpan ClaimResponse = TimeSpan.FromHours(48);

    public static DateTimeOffset InquiryRespondBy(DateTimeOffset receivedAt) => receivedAt + InquiryResponse;

    public static DateTimeOffset ClaimRespondBy(DateTimeOffset openedAt) => openedAt + ClaimResponse;
}
