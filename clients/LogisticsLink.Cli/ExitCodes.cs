namespace LogisticsLink.Cli;

/// <summary>Process exit codes; scripts branch on them, so they never change meaning.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;
    public const int NotFound = 3;
    public const int NotAuthorized = 4;
    public const int InvalidArgument = 5;
    public const int Unavailable = 6;

    /// <summary>128 + SIGINT, what shells report for a command stopped with Ctrl+C.</summary>
    public const int Interrupted = 130;
}
