namespace PaperTrail.Errors;

/// <summary>What the process tells a script (the nightly job) about how it ended.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The content, an input, the network, a tool or the output folder is wrong: the message says which.</summary>
    public const int InputError = 1;

    /// <summary>The command line is wrong.</summary>
    public const int UsageError = 2;

    /// <summary>A bug: the generator itself failed.</summary>
    public const int Crash = 70;
}
