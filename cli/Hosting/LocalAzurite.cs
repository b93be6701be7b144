using System.Diagnostics;
using System.Net.Sockets;

namespace GenAgent.Cli.Hosting;

/// <summary>
/// The storage of <c>genagent serve --store auto</c>: a local Azurite keeping its data in a folder under the store path,
/// so a restarted serve finds its sessions and resumes them where they stopped. An Azurite already listening on the
/// ports is reused. One that serve starts keeps running after serve exits (its pid is in <c>azurite.pid</c> in the data
/// folder): Azurite saves its metadata every few seconds, so a process that dies with serve could lose the last ones,
/// while one that outlives serve hands the next serve everything.
/// </summary>
internal sealed class LocalAzurite
{
    /// <summary>Azurite's well-known development account (public, the same in every Azurite).</summary>
    private const string DevAccount = "devstoreaccount1";
    private const string DevKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public const string AutoStore = "auto";

    /// <summary>Where the blob port is set (queue and table take the next two); 10000 is Azurite's default.</summary>
    public const string PortSetting = "GenAgent:Serve:AzuritePort";

    public const string PidFile = "azurite.pid";

    private readonly int? _startedPid;

    private LocalAzurite(int blobPort, int? startedPid, string dataFolder)
    {
        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName={DevAccount};AccountKey={DevKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blobPort}/{DevAccount};QueueEndpoint=http://127.0.0.1:{blobPort + 1}/{DevAccount};" +
            $"TableEndpoint=http://127.0.0.1:{blobPort + 2}/{DevAccount};";
        _startedPid = startedPid;
        DataFolder = dataFolder;
    }

    public string ConnectionString { get; }

    public string DataFolder { get; }

    /// <summary>What serve prints: which Azurite it uses.</summary>
    public string Description => _startedPid is { } pid
        ? $"Azurite started with data in {DataFolder} (pid {pid}; it outlives serve for the next one, kill {pid} stops it)"
        : "the Azurite already running";

    public static async Task<LocalAzurite> StartOrReuseAsync(string dataFolder, int blobPort, CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(dataFolder);
        if (await AllListenAsync(blobPort, cancellationToken)) return new LocalAzurite(blobPort, null, folder);
        if (await ListensAsync(blobPort, cancellationToken) || await ListensAsync(blobPort + 1, cancellationToken) || await ListensAsync(blobPort + 2, cancellationToken))
            throw new CliException($"something listens on part of 127.0.0.1:{blobPort}-{blobPort + 2} but not all three Azurite ports; stop it, or move Azurite with {PortSetting}.");

        var executable = Find() ?? throw new CliException(
            "--store auto needs Azurite: install it (npm install -g azurite, or scripts/azurite.sh in a checkout), set GENAGENT_AZURITE to its path, or give --store a connection string.");
        Directory.CreateDirectory(folder);
        // It outlives serve, so its few lines (it runs --silent) go to a file rather than to a pipe nobody reads later.
        var log = Path.Combine(folder, "azurite.log");
        string[] arguments =
        [
            "--silent", "--location", folder, "--skipApiVersionCheck", "--disableTelemetry",
            "--blobHost", "127.0.0.1", "--blobPort", $"{blobPort}",
            "--queueHost", "127.0.0.1", "--queuePort", $"{blobPort + 1}",
            "--tableHost", "127.0.0.1", "--tablePort", $"{blobPort + 2}",
        ];
        var start = OperatingSystem.IsWindows() ? new ProcessStartInfo(executable, arguments) : new ProcessStartInfo("/bin/sh");
        if (!OperatingSystem.IsWindows())
        {
            // exec keeps the pid Azurite's; "$@" passes the arguments through unparsed. setsid, where there is one, puts it
            // in a session of its own, so the Ctrl+C that stops serve in a terminal does not stop it too.
            const string Script = "if command -v setsid >/dev/null 2>&1; then exec setsid \"$0\" \"$@\" >>\"$GENAGENT_AZURITE_LOG\" 2>&1; " +
                "else exec \"$0\" \"$@\" >>\"$GENAGENT_AZURITE_LOG\" 2>&1; fi";
            foreach (var argument in (string[])["-c", Script, executable, .. arguments]) start.ArgumentList.Add(argument);
            start.Environment["GENAGENT_AZURITE_LOG"] = log;
        }

        using var process = Process.Start(start) ?? throw new CliException($"could not start Azurite ({executable}).");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await AllListenAsync(blobPort, cancellationToken))
        {
            if (process.HasExited)
                throw new CliException($"Azurite ({executable}) exited at start ({process.ExitCode}); see {log}.");
            if (DateTime.UtcNow > deadline)
            {
                process.Kill(entireProcessTree: true);
                throw new CliException($"Azurite did not listen on 127.0.0.1:{blobPort}-{blobPort + 2} within 30 s.");
            }
            await Task.Delay(100, cancellationToken);
        }
        await File.WriteAllTextAsync(Path.Combine(folder, PidFile), $"{process.Id}\n", CancellationToken.None);
        return new LocalAzurite(blobPort, process.Id, folder);
    }

    /// <summary>GENAGENT_AZURITE, then <c>azurite</c> on the PATH, then a checkout's pinned copy (tools/azurite) above the binary.</summary>
    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("GENAGENT_AZURITE") is { Length: > 0 } configured) return File.Exists(configured) ? configured : null;
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, "azurite");
            if (File.Exists(candidate)) return candidate;
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var pinned = Path.Combine(folder.FullName, "tools", "azurite", "node_modules", ".bin", "azurite");
            if (File.Exists(pinned)) return pinned;
        }
        return null;
    }

    private static async Task<bool> AllListenAsync(int blobPort, CancellationToken cancellationToken) =>
        await ListensAsync(blobPort, cancellationToken) && await ListensAsync(blobPort + 1, cancellationToken) && await ListensAsync(blobPort + 2, cancellationToken);

    private static async Task<bool> ListensAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromMilliseconds(500));
            await client.ConnectAsync("127.0.0.1", port, timeout.Token);
            return true;
        }
        catch (Exception refused) when (refused is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
