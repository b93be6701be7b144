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
/// earlier one by the judge (the paper's rule for its SFT data); one per prompt (the first in source order); none the
/// trainers would reject (turns that do not alternate, a text that holds the image placeholder itself). A seeded shuffle then splits
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

        int read = 0, notDone = 0, violations = 0, worse = 0, duplicates = 0, unusable = 0;
        var prompts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var kept = new List<SftSample>();
        foreach (var source in sources)
        {
            read++;
            var trajectory = source.Trajectory;
            if (!FirstEpisodeDone(trajectory))
            {
                notDone++;
                continue;
            }
            if (TrajectoryConversation.FirstEpisodeLastAttempt(trajectory).Any(t => t.Kind is TurnKind.ProtocolError))
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
            var sample = await SampleAsync(source, cancellationToken).ConfigureAwait(false);
            if (!Trainable(sample))
            {
                unusable++;
                continue;
            }
            kept.Add(sample);
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
            Name(format), judge.Name, seed, validationShare, read, notDone, violations, worse, duplicates, unusable, kept.Count, train.Count, validation.Count, files);
        await File.WriteAllTextAsync(Path.Combine(outFolder, "manifest.json"), ManifestJson(manifest), cancellationToken).ConfigureAwait(false);
        return manifest;
    }

    public static string Name(SftFormat format) => format switch
    {
        SftFormat.LlamaFactory => "llamafactory",
        SftFormat.Swift => "swift",
        _ => "openai",
    };

    /// <summary>
    /// Whether the exported episode, the first, ended done: the session's outcome when it had no follow-up, else the
    /// first episode's last turn (a follow-up's outcome belongs to the last episode).
    /// </summary>
    private static bool FirstEpisodeDone(Trajectory trajectory) => trajectory.Turns.Any(t => t.Episode > 1)
        ? TrajectoryConversation.FirstEpisodeLastAttempt(trajectory).LastOrDefault()?.Kind is TurnKind.Done
        : trajectory.Outcome?.Kind is OutcomeKind.Done;

    /// <summary>
    /// What the trainers accept: after the system prompt, user and assistant in turn, ending on the assistant, and no
    /// text that already holds the image placeholder (the placeholders must match the images one to one).
    /// </summary>
    private static bool Trainable(SftSample sample)
    {
        var messages = sample.Messages;
        if (messages.Count < 3 || messages[0].Role != ConversationMessage.SystemRole || messages[^1].Role != ConversationMessage.AssistantRole) return false;
        for (var i = 1; i < messages.Count; i++)
        {
            if (messages[i].Role != (i % 2 == 1 ? ConversationMessage.UserRole : ConversationMessage.AssistantRole)) return false;
        }
        return !messages.SelectMany(m => m.Parts).Any(p => p.Text?.Contains(ImagePlaceholder, StringComparison.Ordinal) == true);
    }

    /// <summary>Whether any image of the first episode's last attempt scores below the one before it.</summary>
    private async Task<bool> GetsWorseAsync(SftSource source, CancellationToken cancellationToken)
    {
        var request = new JudgeRequest(source.Trajectory.Prompt);
        double? previous = null;
        foreach (var turn in TrajectoryConversation.FirstEpisodeLastAttempt(source.Trajectory).Where(t => t.Image is not null))
        {
            var bytes = await source.Images(turn.Image!, cancellationToken).ConfigureAwait(false)
                ?? throw new MissingTrajectoryImageException($"{source.Origin}: image {turn.Image!.Key} is missing.");
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
                        ?? throw new MissingTrajectoryImageException($"{source.Origin}: image {image.Key} is missing.")));
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
            ["unusable"] = manifest.Unusable,
        },
        ["kept"] = manifest.Kept,
        ["train"] = manifest.Train,
        ["validation"] = manifest.Validation,
        ["files"] = new JsonArray([.. manifest.Files.Select(f => JsonValue.Create(f))]),
    }.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
}
