using LogisticsLink.Domain.Support.Inquiries;

namespace LogisticsLink.Server.Support;

/// <summary>
/// What an inquiry is looked up by: <paramref name="Given"/> first (the request's order_id and tracking_number, or the
/// message text's references when neither is given), then <paramref name="FromText"/> when those find nothing.
/// </summary>
public sealed record InquiryQuery(InquiryMatches Given, InquiryMatches? FromText);
