namespace GenAgent.Cli;

/// <summary>Process exit codes; scripts branch on them.</summary>
internal static class ExitCodes
{
    /// <summary>Done, or a budget ran out with a final image.</summary>
    public const int Ok = 0;

    /// <summary>The session failed, or a command could not do its job.</summary>
    public const int Failed = 1;

    /// <summary>Bad flags or configuration: nothing was started.</summary>
    public const int Usage = 2;

    /// <summary>Stopped by Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;
}
