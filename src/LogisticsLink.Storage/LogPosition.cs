namespace LogisticsLink.Storage;

/// <summary>
/// A place in the change log: a sequence and when the change at it was committed (null at 0, the empty log's head).
/// The time tells two logs apart that hand out the same sequence numbers (a database restored or recreated).
/// </summary>
public sealed record LogPosition(long Sequence, DateTimeOffset? CommittedAt);
