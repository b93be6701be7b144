using System.Diagnostics;

namespace GenAgent.Cli.Tests;

/// <summary>Runs the built <c>genagent</c> (genagent.dll sits next to the tests) in a child process, in its own temp folder.</summary>
internal sealed class CliProcess : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    public CliProcess()
    {
        WorkDir = Directory.CreateTempSubdirectory("genagent-cli-test-").FullName;
        StorePath = Path.Combine(WorkDir, "store");
    }

    public string WorkDir { get; }

    public string StorePath { get; }

    public string OutDir => Path.Combine(WorkDir, "out");

    public static ProcessStartInfo StartInfo(string workDir, string storePath, IEnumerable<string> args, IReadOnlyDictionary<string, string?>? env = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "genagent.dll"));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["GenAgent__Store__Path"] = storePath;
        // Keys from the developer's environment must not leak into the error-case tests.
        info.Environment.Remove("GenAgent__Agent__ApiKey");
        info.Environment.Remove("GenAgent__Profile");
        foreach (var (name, value) in env ?? new Dictionary<string, string?>()) info.Environment[name] = value;
        return info;
    }

    public async Task<CliResult> RunAsync(params string[] args) => await RunAsync(args, env: null);

    public async Task<CliResult> RunAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? env)
    {
        using var process = Process.Start(StartInfo(WorkDir, StorePath, args, env))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"genagent {string.Join(' ', args)} did not finish within {Limit}; stderr so far: {await stderr}");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    public void Dispose() => Directory.Delete(WorkDir, recursive: true);
}

internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public IReadOnlyList<string> StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
