using System.CommandLine;
using GenAgent.Cli.Eval;
using GenAgent.Cli.Hosting;
using GenAgent.Cli.Output;
using GenAgent.Core.Configuration;
using GenAgent.Core.Images;
using GenAgent.Core.Training;
using GenAgent.Core.Training.Sft;
using Microsoft.Extensions.DependencyInjection;

namespace GenAgent.Cli.Commands;

/// <summary>
/// <c>genagent export sft --from &lt;folders&gt; --format llamafactory|swift|openai --out &lt;dir&gt;</c>: finished
/// trajectories (run out folders, eval run folders: every trajectory.json below them) as fine-tuning data.
/// </summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var from = new Option<string[]>("--from") { Description = "Folders (searched for trajectory.json) or trajectory.json files; several allowed.", Required = true, AllowMultipleArgumentsPerToken = true };
        var format = new Option<string>("--format") { Description = "llamafactory (ShareGPT + dataset_info.json), swift (JSONL) or openai (fine-tuning JSONL with image parts).", Required = true };
        format.AcceptOnlyFromAmong("llamafactory", "swift", "openai");
        var output = new Option<string>("--out") { Description = "The folder to write (created; an existing non-empty one is refused).", Required = true };
        var judge = CommonOptions.Judge("The judge of the 'a later image scores worse' filter");
        var validation = new Option<double>("--validation") { Description = "The share of kept samples for validation (0-1, default 0.1).", DefaultValueFactory = _ => 0.1 };
        var seed = new Option<int>("--seed") { Description = "Seed of the train/validation shuffle (default 0).", DefaultValueFactory = _ => 0 };
        var profile = CommonOptions.Profile();
        var sft = new Command("sft", "Write finished trajectories as supervised fine-tuning data: done only, none that got worse, one per prompt, a seeded split.")
        {
            from, format, output, judge, validation, seed, profile,
        };
        sft.SetAction((parse, cancellationToken) => ExportSftAsync(
            parse.GetValue(from)!, parse.GetValue(format)!, parse.GetValue(output)!, parse.GetValue(judge)!, parse.GetValue(validation), parse.GetValue(seed), parse.GetValue(profile), cancellationToken));
        return new Command("export", "Export trajectories for training.") { sft };
    }

    private static async Task<int> ExportSftAsync(
        string[] from, string formatName, string outPath, string judgeName, double validation, int seed, string? profile, CancellationToken cancellationToken)
    {
        if (validation is < 0 or > 1 || !double.IsFinite(validation)) throw new CliException($"--validation {validation} must be between 0 and 1.");
        var format = formatName switch { "llamafactory" => SftFormat.LlamaFactory, "swift" => SftFormat.Swift, _ => SftFormat.OpenAI };
        judgeName = JudgeCatalog.Canonical(judgeName);
        var outFolder = Path.GetFullPath(outPath);
        if (Directory.Exists(outFolder) && Directory.EnumerateFileSystemEntries(outFolder).Any())
            throw new CliException($"--out '{outPath}' is not empty; export into a new folder so no old sample mixes in.");
        var files = Trajectories(from);
        if (files.Count == 0) throw new CliException($"no trajectory.json under {string.Join(", ", from)}.");

        var configuration = CliConfiguration.Build();
        var options = CliConfiguration.Resolve(configuration, profile).Options;
        var protocol = CliConfiguration.Protocol(options);
        await using var lease = JudgeCatalog.Create(judgeName, options);
        await using var services = new ServiceCollection().AddGenAgentCore(options).BuildServiceProvider();
        var sources = files.Select(path =>
        {
            var trajectory = TrajectoryFiles.Load(path);
            return new SftSource(path, trajectory, TrajectoryFiles.Images(trajectory, Path.GetDirectoryName(path)!, services.GetRequiredService<IImageStore>));
        });

        SftManifest manifest;
        try
        {
            manifest = await new SftExporter(protocol, lease.Judge).ExportAsync(sources, format, outFolder, validation, seed, cancellationToken);
        }
        catch (MissingTrajectoryImageException missing)
        {
            throw new CliException(missing.Message);
        }

        await Console.Out.WriteLineAsync(
            $"read {manifest.Read}: {manifest.NotDone} not done, {manifest.ProtocolViolation} with a protocol violation, {manifest.WorseLater} whose later image scores worse, " +
            $"{manifest.DuplicatePrompt} repeated prompts, {manifest.Unusable} the trainers would reject dropped; kept {manifest.Kept} ({manifest.Train} train, {manifest.Validation} validation) in {outFolder} ({SftExporter.Name(format)}).");
        return ExitCodes.Ok;
    }

    /// <summary>Every trajectory.json named or below a named folder, in a stable order (the dedupe keeps the first).</summary>
    private static List<string> Trajectories(IEnumerable<string> from)
    {
        var found = new List<string>();
        foreach (var path in from)
        {
            if (File.Exists(path)) found.Add(Path.GetFullPath(path));
            else if (Directory.Exists(path)) found.AddRange(Directory.EnumerateFiles(path, "trajectory.json", SearchOption.AllDirectories).Select(Path.GetFullPath).Order(StringComparer.Ordinal));
            else throw new CliException($"--from '{path}' does not exist.");
        }
        return [.. found.Distinct(StringComparer.Ordinal)];
    }
}
