using System.Text.Json;
using System.Text.Json.Nodes;
using GenAgent.Core.Judging;
using GenAgent.Core.Protocol;
using GenAgent.Core.Protocol.Profiles;
using GenAgent.Core.Sessions;
using GenAgent.Core.Training.Rewards;

namespace GenAgent.Core.Training.Sft;

/// <summary>
/// Writes finished trajectories as supervised fine-tuning data in a trainer's layout (<see cref="SftFormat"/>), each
/// conversation exactly as the model saw it (<see cref="TrajectoryConversation"/>: the system prompt of the session's
/// protocol, the user prompt, each reply in the profile's history form, each tool response with its image). Filters,
/// in order: only trajectories that ended <c>done</c>; none with a protocol violation (the correction that answered it
/// is not part of the conversation, so the turns would not alternate); none whose later image scores worse than an
/// earlier one by the judge (the paper's rule for its SFT data); one per prompt (the first in source order). A seeded shuffle then splits
/// train and validation. <c>manifest.json</c> records the counts and what each filter removed.
/// </summary>
public sealed class SftExporter(AgentProtocol protocol, IImageJudge judge)
{
    public const string ImagePlaceholder = "<image>";

    private readonly GradedPairwiseJudge _graded = new(judge);

    public async Task<SftManifest> ExportAsync(
        IEnumerable<SftSource> sources, SftFormat format, string outFolder, double validationShare = 0.1, int seed = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentException.ThrowIfNullOrWhiteSpace(outFolder);
        ArgumentOutOfRangeException.ThrowIfLessThan(validationShare, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(validationShare, 1);

        int read = 0, notDone = 0, violations = 0, worse = 0, duplicates = 0;
        var prompts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var kept = new List<SftSample>();
        foreach (var source in sources)
        {
            read++;
            var trajectory = source.Trajectory;
            if (trajectory.Outcome?.Kind is not OutcomeKind.Done)
            {
                notDone++;
                continue;
            }
            if (LastAttempt(trajectory).Any(t => t.Kind is TurnKind.ProtocolError))
            {
                violations++;
                continue;
            }
            if (await GetsWorseAsync(source, cancellationToken).ConfigureAwait(false))
            {
                worse++;
                continue;
            }
            if (!prompts.Add(trajectory.Prompt.Trim()))
            {
                duplicates++;
                continue;
            }
            kept.Add(await SampleAsync(source, cancellationToken).ConfigureAwait(false));
        }

        // A seeded Fisher-Yates shuffle: the same sources and seed give the same split on any machine.
        var random = new Random(seed);
        for (var i = kept.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (kept[i], kept[j]) = (kept[j], kept[i]);
        }
        var validationCount = (int)Math.Round(kept.Count * validationShare, MidpointRounding.AwayFromZero);
        var validation = kept.Take(validationCount).ToList();
        var train = kept.Skip(validationCount).ToList();

        Directory.CreateDirectory(outFolder);
        var files = new SftWriter(format, outFolder).Write(train, validation);
        var manifest = new SftManifest(
            Name(format), judge.Name, seed, validationShare, read, notDone, violations, worse, duplicates, kept.Count, train.Count, validation.Count, files);
        await File.WriteAllTextAsync(Path.Combine(outFolder, "manifest.json"), ManifestJson(manifest), cancellationToken).ConfigureAwait(false);
        return manifest;
    }

    public static string Name(SftFormat format) => format switch
    {
        SftFormat.LlamaFactory => "llamafactory",
        SftFormat.Swift => "swift",
        _ => "openai",
    };

    /// <summary>Whether any image of the first episode's last attempt scores below the one before it.</summary>
    private async Task<bool> GetsWorseAsync(SftSource source, CancellationToken cancellationToken)
    {
        var request = new JudgeRequest(source.Trajectory.Prompt);
        double? previous = null;
        foreach (var turn in LastAttempt(source.Trajectory).Where(t => t.Image is not null))
        {
            var bytes = await source.Images(turn.Image!, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"{source.Origin}: image {turn.Image!.Key} is missing.");
            var value = GradedPairwiseJudge.Graded(await _graded.VerdictAsync(bytes, request, cancellationToken).ConfigureAwait(false));
            if (value < previous) return true;
            previous = value;
        }
        return false;
    }

    private async Task<SftSample> SampleAsync(SftSource source, CancellationToken cancellationToken)
    {
        var trajectory = source.Trajectory;
        var conversation = TrajectoryConversation.Of(trajectory, protocol);
        var messages = new List<SftMessage>();
        foreach (var message in conversation)
        {
            var parts = new List<SftPart>();
            foreach (var part in message.Parts)
            {
                if (part.Image is { } image)
                {
                    parts.Add(new SftPart(null, await source.Images(image, cancellationToken).ConfigureAwait(false)
                        ?? throw new InvalidOperationException($"{source.Origin}: image {image.Key} is missing.")));
                }
                else if (part.Text is { } text)
                {
                    parts.Add(new SftPart(text, null));
                }
            }
            messages.Add(new SftMessage(message.Role, parts));
        }
        return new SftSample(trajectory.SessionId, trajectory.Prompt, messages);
    }

    private static IEnumerable<TurnRecord> LastAttempt(Trajectory trajectory)
    {
        var first = trajectory.Turns.Where(t => t.Episode == 1).ToList();
        var attempt = first.Count == 0 ? 1 : first.Max(t => t.Attempt);
        return first.Where(t => t.Attempt == attempt).OrderBy(t => t.Index);
    }

    private static string ManifestJson(SftManifest manifest) => new JsonObject
    {
        ["format"] = manifest.Format,
        ["judge"] = manifest.Judge,
        ["seed"] = manifest.Seed,
        ["validationShare"] = manifest.ValidationShare,
        ["read"] = manifest.Read,
        ["dropped"] = new JsonObject
        {
            ["notDone"] = manifest.NotDone,
            ["protocolViolation"] = manifest.ProtocolViolation,
            ["worseLater"] = manifest.WorseLater,
            ["duplicatePrompt"] = manifest.DuplicatePrompt,
        },
        ["kept"] = manifest.Kept,
        ["train"] = manifest.Train,
        ["validation"] = manifest.Validation,
        ["files"] = new JsonArray([.. manifest.Files.Select(f => JsonValue.Create(f))]),
    }.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
}
