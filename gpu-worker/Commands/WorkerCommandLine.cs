using GenAgent.GpuWorker.Hosting;
using GenAgent.GpuWorker.Benchmarks;
using GenAgent.Inference.TestModels;

namespace GenAgent.GpuWorker.Commands;

/// <summary>The verbs: serve (the default), make-test-models, bench.</summary>
public static class WorkerCommandLine
{
    public const string Usage = """
        usage:
          gpu-worker [serve] --models <folder> [--urls http://127.0.0.1:8080] [--Worker:Provider cuda-required|cuda-preferred|cpu]
          gpu-worker make-test-models <folder>
          gpu-worker bench --models <folder> [--clients 8] [--requests 64] [--overhead-runs 32]
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var verb = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "serve";
        var rest = args.Length > 0 && !args[0].StartsWith('-') ? args[1..] : args;
        try
        {
            switch (verb)
            {
                case "serve":
                    await using (var app = WorkerApp.Build(rest))
                    {
                        await app.RunAsync();
                    }

                    return 0;
                case "make-test-models":
                    return MakeTestModels(rest, output, error);
                case "bench":
                    return await BenchCommand.RunAsync(rest, output, error);
                case "help" or "--help" or "-h":
                    await output.WriteLineAsync(Usage);
                    return 0;
                default:
                    await error.WriteLineAsync($"gpu-worker: unknown command '{verb}'.{Environment.NewLine}{Usage}");
                    return 1;
            }
        }
        catch (Exception ex) when (StartupFailure.TryDescribe(ex, out var line))
        {
            await error.WriteLineAsync("gpu-worker: " + line);
            return StartupFailure.ExitCode;
        }
    }

    private static int MakeTestModels(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length != 1 || args[0].StartsWith('-'))
        {
            error.WriteLine("gpu-worker: make-test-models takes one folder: make-test-models <folder>");
            return 1;
        }

        var folder = Path.GetFullPath(args[0]);
        var names = TinyModelSet.Write(folder);
        output.WriteLine($"Wrote the tiny model set ({string.Join(", ", names)}) to {folder}. Serve it on the CPU with:");
        output.WriteLine($"  dotnet run --project gpu-worker -- --models {folder} --urls http://127.0.0.1:8080 --Worker:Provider cpu");
        return 0;
    }
}
