using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using GenAgent.Cli.Eval;
using GenAgent.Cli.Hosting;
using GenAgent.Cli.Output;
using GenAgent.Core.Configuration;
using GenAgent.Core.Images;
using GenAgent.Core.Sessions;
using GenAgent.Core.Training;
using GenAgent.Core.Training.Rewards;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace GenAgent.Cli.Commands;

/// <summary>
/// <c>genagent reward &lt;trajectory.json&gt;</c>: the RL reward of a finished trajectory (pointwise score of the final
/// image, the share of right stop/refine decisions, the format penalty) with every decision's verdict. Images come
/// from the trajectory's folder (<c>round-N.png</c>, <c>final.png</c>, as <c>genagent run</c> writes them), else from
/// the configured store by key.
/// </summary>
internal static class RewardCommand
{
    public static Command Create()
    {
        var trajectory = new Argument<FileInfo>("trajectory") { Description = "A trajectory.json (a run's out folder, or an eval run's sample folder)." };
        trajectory.AcceptExistingOnly();
        var judge = CommonOptions.Judge("The pointwise judge");
        var weights = new Option<string?>("--weights")
        {
            Description = "Pointwise, pairwise and format weights, comma-separated (default 0.7,0.3,-0.2: the weights reported for the paper, unverified).",
        };
        var profile = CommonOptions.Profile();
        var json = CommonOptions.Json();
        var command = new Command("reward", "Score a finished trajectory for RL: final image, stop/refine decisions, protocol format.") { trajectory, judge, weights, profile, json };
        command.SetAction((parse, cancellationToken) => RewardAsync(
            parse.GetValue(trajectory)!, parse.GetValue(judge)!, parse.GetValue(weights), parse.GetValue(profile), parse.GetValue(json), cancellationToken));
        return command;
    }

    private static async Task<int> RewardAsync(FileInfo file, string judgeName, string? weightsText, string? profile, bool json, CancellationToken cancellationToken)
    {
        var weights = ParseWeights(weightsText);
        judgeName = JudgeCatalog.Canonical(judgeName);
        var trajectory = TrajectoryFiles.Load(file.FullName);

        var options = CliConfiguration.Resolve(CliConfiguration.Build(), profile).Options;
        await using var lease = JudgeCatalog.Create(judgeName, options);
        // The configured store, built only when an image is not beside the trajectory.
        await using var services = new ServiceCollection().AddGenAgentCore(options).BuildServiceProvider();
        var images = TrajectoryFiles.Images(trajectory, file.DirectoryName!, services.GetRequiredService<IImageStore>);

        RewardBreakdown reward;
        try
        {
            reward = await new TrajectoryRewards(lease.Judge, weights: weights).ScoreAsync(trajectory, images, cancellationToken: cancellationToken);
        }
        catch (MissingTrajectoryImageException missing)
        {
            throw new CliException(missing.Message);
        }

        if (json)
        {
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(reward, CliJson.Default.RewardBreakdown));
            return ExitCodes.Ok;
        }

        var console = CliConsole.For(json: false);
        foreach (var decision in reward.Decisions)
        {
            var mark = decision.Correct ? "[green]right[/]" : "[red]wrong[/]";
            console.MarkupLine($"{mark}  image {decision.Round}: {decision.Decision,-6} {Markup.Escape(decision.Why)}");
        }
        console.MarkupLine(
            $"pointwise {reward.Pointwise:0.###}  pairwise {reward.Pairwise:0.###}  format {(reward.FormatViolation ? "violated" : "ok")}  " +
            $"reward [bold]{reward.Total:0.###}[/] ({weights.Pointwise:0.##}*P + {weights.Pairwise:0.##}*Q {(weights.Format < 0 ? "-" : "+")} {Math.Abs(weights.Format):0.##}*F, judge {Markup.Escape(reward.Judge)})");
        return ExitCodes.Ok;
    }

    private static RewardWeights ParseWeights(string? text)
    {
        if (text is null) return RewardWeights.Default;
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var numbers = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : (double?)null).ToList();
        if (numbers.Count != 3 || numbers.Any(n => n is null or < -10 or > 10))
            throw new CliException($"--weights '{text}' must be three numbers between -10 and 10: pointwise,pairwise,format (e.g. 0.7,0.3,-0.2).");
        return new RewardWeights { Pointwise = numbers[0]!.Value, Pairwise = numbers[1]!.Value, Format = numbers[2]!.Value };
    }
}
