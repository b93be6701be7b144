using GenAgent.GpuWorker.Commands;

namespace GenAgent.GpuWorker.Tests.Commands;

/// <summary>Startup failures are one line on stderr naming the fix, with a non-zero exit; nothing starts listening.</summary>
public sealed class WorkerCommandLineTests
{
    [Fact]
    public async Task Cuda_required_on_a_machine_without_cuda_fails_at_startup_with_the_reason()
    {
        var (code, _, error) = await RunAsync("--models", TestModelFolder.Path, "--urls", "http://127.0.0.1:0", "--Worker:Provider", "cuda-required");

        Assert.Equal(StartupFailure.ExitCode, code);
        Assert.StartsWith("gpu-worker: Worker:Provider is cuda-required but The CUDA execution provider could not be loaded", error, StringComparison.Ordinal);
        Assert.Contains("CUDA 13 and cuDNN 9", error, StringComparison.Ordinal);
        Assert.Contains("cuda-preferred", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task No_models_folder_names_the_flag()
    {
        var (code, _, error) = await RunAsync("--urls", "http://127.0.0.1:0");

        Assert.Equal(StartupFailure.ExitCode, code);
        Assert.Contains("Models:Path", error, StringComparison.Ordinal);
        Assert.Contains("--models <folder>", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_models_folder_that_does_not_exist_is_named()
    {
        var missing = Path.Combine(Path.GetTempPath(), "genagent-no-such-models-" + Guid.NewGuid().ToString("N"));

        var (code, _, error) = await RunAsync("--models", missing, "--urls", "http://127.0.0.1:0");

        Assert.Equal(StartupFailure.ExitCode, code);
        Assert.Contains(missing, error, StringComparison.Ordinal);
        Assert.Contains("make-test-models", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_manifest_names_the_file()
    {
        var folder = Directory.CreateTempSubdirectory("genagent-bad-models-").FullName;
        var manifest = Path.Combine(folder, "broken.json");
        await File.WriteAllTextAsync(manifest, """{"name": "broken", "kind": "sd", "components": {}}""");

        var (code, _, error) = await RunAsync("--models", folder, "--urls", "http://127.0.0.1:0", "--Worker:Provider", "cpu");

        Assert.Equal(StartupFailure.ExitCode, code);
        Assert.Contains("The models folder does not load", error, StringComparison.Ordinal);
        Assert.Contains(manifest, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configured_ocr_folder_that_is_wrong_stops_startup()
    {
        var missing = Path.Combine(Path.GetTempPath(), "genagent-no-such-ocr-" + Guid.NewGuid().ToString("N"));

        var (code, _, error) = await RunAsync("--models", TestModelFolder.Path, "--urls", "http://127.0.0.1:0", "--Worker:Provider", "cpu", "--Ocr:Path", missing);

        Assert.Equal(StartupFailure.ExitCode, code);
        Assert.Contains("Ocr:Path", error, StringComparison.Ordinal);
        Assert.Contains(missing, error, StringComparison.Ordinal);
        Assert.Contains("Ocr:Enabled=false", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_provider_policy_lists_the_valid_ones()
    {
        var (code, _, error) = await RunAsync("--models", TestModelFolder.Path, "--Worker:Provider", "gpu");

        Assert.Equal(StartupFailure.ExitCode, code);
        Assert.Contains("Worker:Provider", error, StringComparison.Ordinal);
        Assert.Contains("cuda-required", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Make_test_models_writes_a_servable_set_and_says_how_to_serve_it()
    {
        var folder = Path.Combine(Directory.CreateTempSubdirectory("genagent-made-").FullName, "models");

        var (code, output, _) = await RunAsync("make-test-models", folder);

        Assert.Equal(0, code);
        Assert.True(File.Exists(Path.Combine(folder, "sd-tiny.json")));
        Assert.True(File.Exists(Path.Combine(folder, "flux-tiny.json")));
        Assert.True(File.Exists(Path.Combine(folder, "clip-tiny.json")));
        Assert.Contains($"dotnet run --project gpu-worker -- --models {folder} --urls http://127.0.0.1:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_prints_provider_overhead_throughput_and_memory()
    {
        var (code, output, error) = await RunAsync(
            "bench", "--models", TestModelFolder.Path, "--requests", "8", "--clients", "4", "--overhead-runs", "2", "--Worker:Provider", "cpu");

        Assert.True(code == 0, error);
        Assert.Contains("provider CPU (policy cpu)", output, StringComparison.Ordinal);
        Assert.Contains("== sd-tiny", output, StringComparison.Ordinal);
        Assert.Contains("== flux-tiny", output, StringComparison.Ordinal);
        Assert.Contains("of wall time", output, StringComparison.Ordinal);
        Assert.Contains("speed-up", output, StringComparison.Ordinal);
        Assert.Contains("memory: ONNX files", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_command_prints_usage()
    {
        var (code, _, error) = await RunAsync("frobnicate");

        Assert.Equal(1, code);
        Assert.Contains("make-test-models", error, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await WorkerCommandLine.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
