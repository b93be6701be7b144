using GenAgent.Core.Images;
using GenAgent.Core.Protocol;
using GenAgent.Core.Sessions;

namespace GenAgent.Workflow.Starting;

/// <summary>
/// The one rule for what a session may be started with, whichever door it comes through: a prompt that is not blank and
/// at most <see cref="MaxPromptLength"/> characters, options in range, effort by name, and tools narrowed to the
/// backends this server has (so the model is never offered the editing tool without an editor). Omitted options take
/// <see cref="Defaults"/>: the protocol profile's budgets and image size.
/// </summary>
public sealed class StartRules
{
    /// <param name="negativePrompts">The generator takes a negative prompt (<c>genagent backends</c>); otherwise one is refused, not silently dropped.</param>
    public StartRules(SessionOptions defaults, int maxPromptLength = SessionLimits.DefaultMaxPromptLength, bool negativePrompts = false)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPromptLength, 1);
        Defaults = defaults;
        MaxPromptLength = maxPromptLength;
        NegativePrompts = negativePrompts;
    }

    public bool NegativePrompts { get; }

    /// <summary>What omitted options become; its tools are the most a request may ask for.</summary>
    public SessionOptions Defaults { get; }

    public int MaxPromptLength { get; }

    public IReadOnlyList<string> AvailableTools => Defaults.Tools;

    /// <summary>The checked request, or an <see cref="InvalidStartException"/> with every problem found.</summary>
    public SessionRequest Check(string? prompt, StartOptions? options = null, ImageRef? input = null)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string? checkedPrompt = null;
        SessionOptions? checkedOptions = null;
        try
        {
            checkedPrompt = Prompt(prompt);
        }
        catch (InvalidStartException invalid)
        {
            Merge(errors, invalid);
        }
        try
        {
            checkedOptions = Options(options);
        }
        catch (InvalidStartException invalid)
        {
            Merge(errors, invalid);
        }
        if (errors.Count > 0) throw new InvalidStartException(errors);
        return new SessionRequest(checkedPrompt!, checkedOptions!, input);
    }

    /// <summary>The prompt (or a follow-up message, named <paramref name="field"/>) without surrounding white space.</summary>
    public string Prompt(string? text, string field = "prompt")
    {
        var prompt = text?.Trim() ?? "";
        if (prompt.Length == 0) throw new InvalidStartException(field, $"{field} is required: say what the image should show.");
        if (prompt.Length > MaxPromptLength)
            throw new InvalidStartException(field, $"{field} is {prompt.Length} characters; the limit is {MaxPromptLength}.");
        return prompt;
    }

    /// <summary>The options with the defaults filled in, checked.</summary>
    public SessionOptions Options(StartOptions? requested)
    {
        if (requested is null) return Defaults;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var effort = Defaults.Effort;
        try
        {
            effort = ParseEffort(requested.Effort) ?? effort;
        }
        catch (InvalidStartException invalid)
        {
            Merge(errors, invalid);
        }
        if (!NegativePrompts && !string.IsNullOrWhiteSpace(requested.NegativePrompt))
            errors["options.negativePrompt"] = ["negativePrompt: this server's image backend takes no negative prompt (genagent backends lists those that do)."];
        if (requested.Tools?.FirstOrDefault(t => ToolNames.IsKnown(t) && !AvailableTools.Contains(t)) is { } missing)
            errors["options.tools"] = [$"tools: this server has no backend for {missing} (available: {string.Join(", ", AvailableTools)})."];

        var options = Defaults with
        {
            MaxImages = requested.MaxImages ?? Defaults.MaxImages,
            MaxTurns = requested.MaxTurns ?? Defaults.MaxTurns,
            Width = requested.Width ?? Defaults.Width,
            Height = requested.Height ?? Defaults.Height,
            Tools = requested.Tools ?? Defaults.Tools,
            Effort = effort,
            Seed = requested.Seed is { } seed ? Defaults.Seed with { Base = seed } : Defaults.Seed,
            Candidates = requested.Candidates ?? Defaults.Candidates,
            FollowUpWindowSeconds = requested.FollowUpWindowSeconds ?? Defaults.FollowUpWindowSeconds,
            CandidateTemperature = requested.CandidateTemperature ?? Defaults.CandidateTemperature,
            Fallback = requested.Fallback ?? Defaults.Fallback,
            MaxToolSeconds = requested.MaxToolSeconds ?? Defaults.MaxToolSeconds,
            MaxTokens = requested.MaxTokens ?? Defaults.MaxTokens,
            NegativePrompt = string.IsNullOrWhiteSpace(requested.NegativePrompt) ? Defaults.NegativePrompt : requested.NegativePrompt.Trim(),
        };
        // Validate() starts each message with the field it is about ("maxImages must be ...", "tools: unknown ...").
        foreach (var group in options.Validate().GroupBy(p => "options." + new string(p.TakeWhile(char.IsAsciiLetterOrDigit).ToArray()), StringComparer.Ordinal))
            errors[group.Key] = errors.TryGetValue(group.Key, out var earlier) ? [.. earlier, .. group] : [.. group];
        return errors.Count > 0 ? throw new InvalidStartException(errors) : options;
    }

    /// <summary>An effort by name (any case); null for none given (an empty name is not none: it is refused).</summary>
    public static Effort? ParseEffort(string? name) =>
        name is null ? null
        : EnumNames.TryParse<Effort>(name, out var effort) ? effort
        : throw new InvalidStartException("options.effort", $"effort must be {EnumNames.Choices<Effort>()}.");

    private static void Merge(Dictionary<string, string[]> errors, InvalidStartException invalid)
    {
        foreach (var (field, messages) in invalid.Errors) errors[field] = messages;
    }
}
