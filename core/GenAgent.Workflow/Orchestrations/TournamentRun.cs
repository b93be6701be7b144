using GenAgent.Core.Images;
using GenAgent.Core.Judging;
using GenAgent.Core.Protocol.Profiles;
using GenAgent.Core.Sessions;
using GenAgent.Workflow.Activities;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace GenAgent.Workflow.Orchestrations;

/// <summary>
/// Effort high, one execution of <see cref="AgentSessionOrchestrator"/>: K candidate episodes run side by side as
/// medium-effort sub-orchestrations (instance ids <c>&lt;id&gt;-c&lt;index&gt;</c>, each with its own seed base), then a
/// single-elimination tournament of pairwise comparisons by the agent model picks the winner. The session's turns and
/// final image are the winner's; every candidate and comparison is recorded. Deterministic: no I/O, clocks or randomness.
/// </summary>
internal sealed class TournamentRun
{
    private readonly TaskOrchestrationContext _context;
    private readonly SessionInput _input;
    private readonly string _id;
    private readonly SessionOptions _options;
    private readonly TaskOptions _retry;
    private readonly ILogger _logger;
    private readonly DateTimeOffset _startedAt;
    private readonly Task<object?> _cancel;
    private readonly List<CandidateRecord> _candidates = [];
    private readonly List<ComparisonRecord> _comparisons = [];
    private readonly Dictionary<int, Trajectory> _episodes = [];
    private SessionProgress _progress = new() { Phase = SessionPhase.Starting };
    private int _matches;

    public TournamentRun(TaskOrchestrationContext context, SessionInput input)
    {
        _context = context;
        _input = input;
        _id = input.SessionId;
        _options = input.Request.Options;
        _logger = context.CreateReplaySafeLogger<AgentSessionOrchestrator>();
        _retry = ToolRetry.Options(input.Workflow ?? new WorkflowOptions(), _id, _logger);
        _startedAt = context.CurrentUtcDateTime;
        _cancel = context.WaitForExternalEvent<object?>(WorkflowNames.CancelEvent);
    }

    /// <summary>The instance id of candidate <paramref name="index"/>; its images are stored under this id.</summary>
    /// <remarks>
    /// '~' appears in no top-level session id (every front door allows letters, digits, '-', '_' and '.'), so the id
    /// unambiguously names its parent, and <see cref="SessionKeys.Folder"/> stores the candidate inside the parent's
    /// folder, where the session's own links (API, report page, Discord) reach its images.
    /// </remarks>
    public static string CandidateId(string sessionId, int index) => $"{sessionId}{SessionKeys.CandidateSeparator}c{index}";

    private bool CancelRequested => _cancel.IsCompleted;

    public async Task<Trajectory> RunAsync()
    {
        _logger.TournamentStarted(_id, _options.Candidates);
        SetProgress(_progress with { Phase = SessionPhase.Generating });
        if (!await RunCandidatesAsync()) return await EndAsync(OutcomeKind.Cancelled, "cancelled on request", winner: null);

        var alive = _candidates.Where(c => c.FinalImage is not null).Select(c => c.Index).ToList();
        if (alive.Count == 0)
        {
            var reasons = string.Join("; ", _candidates.Select(c => $"candidate {c.Index}: {c.Outcome.Reason ?? c.Outcome.Kind.ToString()}"));
            return await EndAsync(OutcomeKind.Failed, $"all {_candidates.Count} candidates failed ({reasons})", winner: null);
        }

        await PublishAsync();
        for (var round = 1; alive.Count > 1; round++)
        {
            if (CancelRequested) return await EndAsync(OutcomeKind.Cancelled, "cancelled on request", winner: null);
            SetProgress(_progress with { Phase = SessionPhase.Thinking, Round = round });
            alive = await PlayRoundAsync(round, alive);
            await PublishAsync();
        }

        var trajectory = await EndAsync(OutcomeKind.Done, reason: null, winner: alive[0]);
        if (_options.FollowUpWindowSeconds > 0) await ContinueWithWinnerAsync(trajectory, alive[0]);
        return trajectory;
    }

    /// <summary>
    /// Keeps a finished tournament open for follow-ups: the next execution is a plain session that waits with the winner's
    /// conversation, latest image and turns, so a follow-up refines the winner like a medium session's next episode.
    /// </summary>
    private async Task ContinueWithWinnerAsync(Trajectory trajectory, int winner)
    {
        ProtocolSetup setup;
        try
        {
            setup = await _context.CallActivityAsync<ProtocolSetup>(WorkflowNames.ProtocolSetup, new ProtocolSetupInput(_id, _options.Tools), _retry);
        }
        catch (TaskFailedException ex)
        {
            // The result stands and is stored; only the follow-up window is lost.
            _logger.FollowUpsUnavailable(_id, ex.FailureDetails.ErrorMessage);
            return;
        }

        var profile = ProtocolProfiles.Find(setup.Protocol) ?? ProtocolProfiles.General;
        var turns = trajectory.Turns;
        var state = new ConversationState
        {
            Episode = 1,
            NextTurn = turns.Count == 0 ? 0 : turns.Max(t => t.Index) + 1,
            Messages = TrajectoryConversation.Rebuild(profile, setup.SystemPrompt, _input.Request.Prompt, _input.Request.InputImage, turns),
            Turns = turns,
            LastImage = _candidates[winner].FinalImage,
            StartedAt = _startedAt,
            Protocol = setup.Protocol,
            Tools = setup.Tools,
            SystemPromptSource = setup.PromptSource,
            EndedWith = trajectory.Outcome,
            Candidates = trajectory.Candidates,
            Comparisons = trajectory.Comparisons,
        };
        _context.ContinueAsNew(_input with { Conversation = state }, preserveUnprocessedEvents: true);
    }

    /// <summary>Fans out the candidates and waits for all of them; false when the session was cancelled meanwhile.</summary>
    private async Task<bool> RunCandidatesAsync()
    {
        var runs = Enumerable.Range(0, _options.Candidates).Select(RunCandidateAsync).ToList();
        var all = Task.WhenAll(runs);
        var cancelled = await Task.WhenAny(all, _cancel) != all;
        if (cancelled)
        {
            // Each candidate is its own instance: the cancel event must be passed on, or they would run to the end.
            for (var i = 0; i < runs.Count; i++) _context.SendEvent(CandidateId(_id, i), WorkflowNames.CancelEvent, "the parent session was cancelled");
        }

        _candidates.AddRange(await all);
        return !cancelled;
    }

    private async Task<CandidateRecord> RunCandidateAsync(int index)
    {
        var id = CandidateId(_id, index);
        var seed = _options.Seed.ForCandidate(index);
        // A candidate is one plain episode: it must not wait for follow-ups, which go to the top-level session.
        // The cost budgets are the session's, so the candidates share them equally; the comparisons are not capped.
        // The first candidate is the plain session; the others sample, since a temperature-0 model and a seedless server
        // would otherwise draw the same trajectory K times.
        var temperature = index == 0 ? _options.Temperature : _options.CandidateTemperature;
        var options = _options with
        {
            Effort = Effort.Medium,
            Seed = seed,
            Temperature = temperature,
            FollowUpWindowSeconds = 0,
            MaxToolSeconds = _options.MaxToolSeconds / _options.Candidates,
            MaxTokens = _options.MaxTokens is { } tokens ? Math.Max(1, tokens / _options.Candidates) : null,
        };
        var input = _input with { SessionId = id, Request = _input.Request with { Options = options }, Conversation = null };
        try
        {
            var episode = await _context.CallSubOrchestratorAsync<Trajectory>(
                WorkflowNames.AgentSession, input, new SubOrchestrationOptions(new TaskOptions(), id));
            _episodes[index] = episode;
            return new CandidateRecord
            {
                Index = index,
                SessionId = id,
                SeedBase = seed.Base,
                Temperature = temperature,
                Outcome = episode.Outcome ?? new Outcome(OutcomeKind.Failed, "the candidate returned no outcome"),
                FinalImage = episode.FinalImage,
                ImagesUsed = episode.ImagesUsed,
                Turns = episode.Turns.Count,
                Usage = episode.Usage,
                ToolCost = episode.ToolCost,
            };
        }
        catch (TaskFailedException ex)
        {
            return new CandidateRecord { Index = index, SessionId = id, SeedBase = seed.Base, Temperature = temperature, Outcome = new Outcome(OutcomeKind.Failed, ex.FailureDetails.ErrorMessage) };
        }
    }

    /// <summary>Pairs the survivors in index order (the odd one out gets a bye) and judges every pair at once.</summary>
    private async Task<List<int>> PlayRoundAsync(int round, List<int> alive)
    {
        var matches = new List<Task<ComparisonRecord>>();
        for (var i = 0; i + 1 < alive.Count; i += 2) matches.Add(CompareAsync(round, ++_matches, alive[i], alive[i + 1]));
        var results = await Task.WhenAll(matches);
        _comparisons.AddRange(results);
        var next = results.Select(r => r.Winner).ToList();
        if (alive.Count % 2 == 1) next.Add(alive[^1]);
        return next;
    }

    private async Task<ComparisonRecord> CompareAsync(int round, int match, int a, int b)
    {
        var (imageA, imageB) = (_candidates[a].FinalImage!, _candidates[b].FinalImage!);
        var record = new ComparisonRecord { Round = round, CandidateA = a, CandidateB = b, ImageA = imageA, ImageB = imageB, Winner = a };
        CompareImagesResult result;
        try
        {
            result = await _context.CallActivityAsync<CompareImagesResult>(
                WorkflowNames.CompareImages, new CompareImagesInput(_id, match, _input.Request.Prompt, imageA, imageB), _retry);
        }
        catch (TaskFailedException ex)
        {
            return Fallback(match, record with { Error = ex.FailureDetails.ErrorMessage }, ex.FailureDetails.ErrorMessage);
        }

        record = record with { Reasoning = result.Reasoning, RawText = result.RawText, ModelSeconds = result.Seconds, Usage = result.Usage };
        return result.Winner switch
        {
            ComparisonChoice.A => record with { Winner = a },
            ComparisonChoice.B => record with { Winner = b },
            null => Fallback(match, record, "the reply named no winner, also after a correction"),
            _ => throw new InvalidOperationException($"Unknown comparison choice {result.Winner}."),
        };
    }

    /// <summary>The fixed rule when the judge gives no verdict: the candidate that needed fewer images, then the lower index.</summary>
    private ComparisonRecord Fallback(int match, ComparisonRecord record, string reason)
    {
        var winner = FallbackWinner(_candidates[record.CandidateA], _candidates[record.CandidateB]);
        _logger.ComparisonFellBack(_id, match, winner, reason);
        return record with { Winner = winner, Fallback = true };
    }

    internal static int FallbackWinner(CandidateRecord a, CandidateRecord b) =>
        b.ImagesUsed < a.ImagesUsed || (b.ImagesUsed == a.ImagesUsed && b.Index < a.Index) ? b.Index : a.Index;

    private void SetProgress(SessionProgress progress)
    {
        _progress = progress;
        _context.SetCustomStatus(progress);
    }

    private Task PublishAsync()
    {
        SetProgress(_progress with { ImagesUsed = _candidates.Sum(c => c.ImagesUsed) });
        return _context.CallActivityAsync<bool>(WorkflowNames.PublishProgress, new PublishProgressInput(_id, _progress, Snapshot(outcome: null, winner: null)));
    }

    private Trajectory Snapshot(Outcome? outcome, int? winner)
    {
        var episode = winner is { } w ? _episodes[w] : null;
        return new Trajectory
        {
            SessionId = _id,
            Prompt = _input.Request.Prompt,
            Options = _options,
            InputImage = _input.Request.InputImage,
            Turns = episode?.Turns ?? [],
            Outcome = outcome,
            FinalImage = episode?.FinalImage,
            Candidates = [.. _candidates],
            Comparisons = [.. _comparisons],
            StartedAt = _startedAt,
            EndedAt = outcome is null ? null : _context.CurrentUtcDateTime,
        };
    }

    private async Task<Trajectory> EndAsync(OutcomeKind kind, string? reason, int? winner)
    {
        _logger.SessionEnded(_id, kind, reason);
        var trajectory = Snapshot(new Outcome(kind, reason), winner);
        SetProgress(_progress with { Phase = SessionPhase.Finalizing, LastImage = trajectory.FinalImage });
        await _context.CallActivityAsync<bool>(WorkflowNames.FinalizeSession, trajectory);
        SetProgress(_progress with { Phase = SessionPhase.Completed });
        return trajectory;
    }
}
