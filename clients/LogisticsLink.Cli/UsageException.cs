namespace LogisticsLink.Cli;

/// <summary>The command line is wrong (unknown flag, missing or malformed value). Exit code 2; nothing was sent.</summary>
internal sealed class UsageException(string message) : Exception(message);
