namespace GenAgent.Cli.Output;

/// <summary>The <c>--out</c> folder; checked before a session starts so a finished session never has nowhere to go.</summary>
internal sealed class OutFolder
{
    private OutFolder(string root) => Root = root;

    public string Root { get; }

    public string SessionFolder(string sessionId) => Path.Combine(Root, sessionId);

    /// <summary>Creates the folder and proves it takes a file, or throws a <see cref="CliException"/> naming the fix.</summary>
    public static OutFolder Prepare(string path)
    {
        var root = Path.GetFullPath(path);
        var probe = Path.Combine(root, $".genagent-probe-{Environment.ProcessId}");
        try
        {
            Directory.CreateDirectory(root);
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot write to --out '{root}' ({e.Message}); pass --out with a writable folder.");
        }

        return new OutFolder(root);
    }
}
