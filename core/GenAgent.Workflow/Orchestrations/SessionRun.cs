using GenAgent.Core.Images;
using GenAgent.Core.Protocol;
using GenAgent.Core.Protocol.Profiles;
using GenAgent.Core.Sessions;
using GenAgent.Workflow.Activities;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace GenAgent.Workflow.Orchestrations;

/// <summary>
/// The state of one execution of <see cref="AgentSessionOrchestrator"/>: one episode, then, when the options leave a
/// follow-up window open, the wait for the next message. Runs inside the orchestrator: no I/O, clocks or randomness.
/// </summary>
internal sealed class SessionRun
{
    private readonly TaskOrchestrationContext _context;
    private readonly SessionInput _input;
    private readonly string _id;
    private readonly SessionRequest _request;
    private readonly SessionOptions _options;
    private readonly TaskOptions _retry;
    private readonly ILogger _logger;
    private readonly DateTimeOffset _startedAt;
    private readonly Task<object?> _cancel;
    private readonly int _episode;
    private readonly int _firstTurn;
    private readonly int _imagesBefore;
    private readonly List<ConversationMessage> _conversation = [];
    // Indices into _conversation of failed replies and their corrections: later episodes need not see them.
    private readonly HashSet<int> _corrections = [];
    private readonly List<TurnRecord> _turns = [];
    private readonly List<FollowUpRecord> _followUps = [];
    private readonly List<ConversationMessage> _opening = [];
    private SessionProgress _progress;
    private ProtocolProfile _profile;
    private IReadOnlyList<string> _tools;
    private string? _promptSource;
    private ImageRef? _lastImage;
    private int _imagesUsed;
    private int _nextTurn;
    private int _attempt = 1;
    // Effort high: the tournament's record, carried through every follow-up so the trajectory keeps it.
    private readonly IReadOnlyList<CandidateRecord>? _candidates;
    private readonly IReadOnlyList<ComparisonRecord>? _comparisons;

    public SessionRun(TaskOrchestrationContext context, SessionInput input)
    {
        _context = context;
        _input = input;
        _id = input.SessionId;
        _request = input.Request;
        _options = input.Request.Options;
        _logger = context.CreateReplaySafeLogger<AgentSessionOrchestrator>();
        _retry = ToolRetry.Options(input.Workflow ?? new WorkflowOptions(), _id, _logger);
        var earlier = input.Conversation;
        _episode = earlier?.Episode ?? 1;
        _firstTurn = earlier?.NextTurn ?? 0;
        _nextTurn = _firstTurn;
        _startedAt = earlier?.StartedAt ?? context.CurrentUtcDateTime;
        // Fixed by the protocol setup at the first step; later episodes carry it in their state.
        _profile = ProtocolProfiles.Find(earlier?.Protocol) ?? ProtocolProfiles.General;
        _tools = earlier?.Tools ?? _options.Tools;
        _promptSource = earlier?.SystemPromptSource;
        _lastImage = earlier?.LastImage;
        _candidates = earlier?.Candidates;
        _comparisons = earlier?.Comparisons;
        if (earlier is not null)
        {
            _conversation.AddRange(earlier.Messages);
            _turns.AddRange(earlier.Turns);
            _followUps.AddRange(earlier.FollowUps);
        }
        _imagesBefore = _turns.Count(t => t.Image is not null);
        _progress = new() { Phase = SessionPhase.Starting, Episode = _episode, ImagesUsed = _imagesBefore, LastImage = _lastImage };
        // Created once so an event raised at any point is seen at the next check.
        _cancel = context.WaitForExternalEvent<object?>(WorkflowNames.CancelEvent);
    }

    private bool CancelRequested => _cancel.IsCompleted;

    public async Task<Trajectory> RunAsync()
    {
        // After a tournament: its episode is over and finalized; only the follow-up window is left.
        if (_input.Conversation?.EndedWith is { } ended) return await AwaitFollowUpAsync(Snapshot(ended));

        Outcome outcome;
        if (_input.Conversation is null)
        {
            _logger.SessionStarted(_id, _options.MaxImages, _options.MaxTurns, _options.Effort);
            if (await SetUpProtocolAsync() is { } failed)
                return Complete(await FinalizeAsync(failed));
            outcome = await RetryOrFallBackAsync(await RunEpisodeAsync());
        }
        else
        {
            _logger.EpisodeStarted(_id, _episode, _firstTurn);
            outcome = await RunEpisodeAsync();
        }

        var trajectory = await FinalizeAsync(outcome);
        if (_options.FollowUpWindowSeconds == 0 || outcome.Kind is OutcomeKind.Failed or OutcomeKind.Cancelled or OutcomeKind.Fallback)
            return Complete(trajectory);
        return await AwaitFollowUpAsync(trajectory);
    }

    /// <summary>Fixes the profile, tools and system prompt for the whole session; returns the failure, or null.</summary>
    private async Task<Outcome?> SetUpProtocolAsync()
    {
        ProtocolSetup setup;
        try
        {
            setup = await _context.CallActivityAsync<ProtocolSetup>(WorkflowNames.ProtocolSetup, new ProtocolSetupInput(_id, _options.Tools), _retry);
        }
        catch (TaskFailedException ex)
        {
            return new Outcome(OutcomeKind.Failed, ex.FailureDetails.ErrorMessage);
        }

        _profile = ProtocolProfiles.Find(setup.Protocol) ?? ProtocolProfiles.General;
        _tools = setup.Tools;
        _promptSource = setup.PromptSource;
        // A starting image is "the latest image" the editing tool works on only where the profile lets a session start by editing.
        _lastImage = _profile.StartingImageIsEditable ? _request.InputImage : null;
        _opening.Add(ConversationMessage.System(setup.SystemPrompt));
        _opening.Add(PromptMessages.UserPrompt(_request.Prompt, _request.InputImage, _profile.StartingImageIsEditable));
        _conversation.AddRange(_opening);
        return null;
    }

    /// <summary>
    /// The reference client's failure handling: an attempt that ends without an image runs again from the prompt, up to
    /// the profile's attempts, and then one direct generation from the raw prompt gives the final image. Cancels and spent
    /// cost budgets end the session as they are.
    /// </summary>
    private async Task<Outcome> RetryOrFallBackAsync(Outcome outcome)
    {
        if (!(_options.Fallback ?? _profile.FallbackByDefault) || !NeedsImage(outcome)) return outcome;
        var reasons = new List<string> { AttemptReason(outcome) };
        for (_attempt = 2; _attempt <= _profile.TrajectoryAttempts; _attempt++)
        {
            _logger.AttemptRetried(_id, _attempt - 1, reasons[^1]);
            _imagesUsed = 0;
            _corrections.Clear();
            _conversation.Clear();
            _conversation.AddRange(_opening);
            outcome = await RunEpisodeAsync();
            if (!NeedsImage(outcome)) return outcome;
            reasons.Add(AttemptReason(outcome));
        }

        _attempt = Math.Min(_attempt, _profile.TrajectoryAttempts);
        return await FallBackAsync(reasons);
    }

    private bool NeedsImage(Outcome outcome) =>
        _lastImage is null && outcome.Kind is not (OutcomeKind.Cancelled or OutcomeKind.CostBudgetReached) && !CancelRequested;

    private string AttemptReason(Outcome outcome) => $"attempt {_attempt}: {outcome.Reason ?? outcome.Kind.ToString()}";

    private async Task<Outcome> FallBackAsync(List<string> reasons)
    {
        _logger.FallingBack(_id);
        var turn = _nextTurn++;
        var seed = _options.Seed.SeedFor(turn);
        var record = new TurnRecord
        {
            Index = turn,
            Kind = TurnKind.Fallback,
            Episode = _episode,
            Attempt = _attempt,
            Tool = ToolNames.Generate,
            Argument = _request.Prompt,
            Seed = seed,
        };
        var why = string.Join("; ", reasons);
        SetProgress(_progress with { Phase = SessionPhase.Generating, Round = 1, LastCaption = _request.Prompt });
        ImageToolResult image;
        try
        {
            image = await _context.CallActivityAsync<ImageToolResult>(
                WorkflowNames.GenerateImage, new ImageToolInput(_id, turn, _request.Prompt, _options.Width, _options.Height, seed, null, _options.NegativePrompt), _retry);
        }
        catch (TaskFailedException ex)
        {
            _turns.Add(record with { Error = ex.FailureDetails.ErrorMessage });
            return new Outcome(OutcomeKind.Failed, $"no attempt produced an image ({why}) and the direct generation failed: {ex.FailureDetails.ErrorMessage}");
        }

        _imagesUsed++;
        _lastImage = image.Image;
        _turns.Add(record with { Image = image.Image, ToolSeconds = image.Seconds, ToolCost = image.Cost });
        SetProgress(_progress with { Phase = SessionPhase.Thinking, LastImage = image.Image, ImagesUsed = _imagesBefore + _imagesUsed });
        return new Outcome(OutcomeKind.Fallback, $"no attempt produced an image ({why}); the final image is a direct generation from the prompt");
    }

    /// <summary>The agent loop for one prompt, follow-up or retried attempt; the image and turn budgets apply to each.</summary>
    private async Task<Outcome> RunEpisodeAsync()
    {
        var corrections = 0;
        var first = _nextTurn;
        for (var turn = first; turn < first + _options.MaxTurns; turn++)
        {
            if (CancelRequested) return Cancelled();
            if (CostBudgetSpent() is { } spent) return spent;
            _nextTurn = turn + 1;

            SetProgress(_progress with { Turn = turn, Phase = SessionPhase.Thinking });
            AgentTurnResult result;
            try
            {
                result = await _context.CallActivityAsync<AgentTurnResult>(
                    WorkflowNames.AgentTurn, new AgentTurnInput(_id, turn, [.. _conversation], _options.Temperature, _options.TopP), _retry);
            }
            catch (TaskFailedException ex)
            {
                return new Outcome(OutcomeKind.Failed, ex.FailureDetails.ErrorMessage);
            }
            if (CancelRequested) return Cancelled();

            var reading = Callable(TurnReader.Read(_profile, result.Text));
            switch (reading.Action)
            {
                case TurnAction.Invalid:
                {
                    var violation = reading.Violation!;
                    _logger.ProtocolViolation(_id, turn, violation.Kind, violation.Message);
                    _turns.Add(Record(turn, TurnKind.ProtocolError, result, reading.Reply) with { Error = violation.Message });
                    // The reference client raises here and starts the trajectory again (RetryOrFallBackAsync); ours corrects.
                    if (_profile.NoAction != NoActionRule.Correct || ++corrections > _options.MaxCorrections)
                        return new Outcome(OutcomeKind.Failed, $"model output broke the protocol: {violation.Message}");
                    _corrections.Add(_conversation.Count);
                    _conversation.Add(ConversationMessage.Assistant(result.Text));
                    _corrections.Add(_conversation.Count);
                    _conversation.Add(PromptMessages.Correction(violation, _tools));
                    continue;
                }
                case TurnAction.NoAction:
                {
                    var asked = reading.History is null ? "the same request goes out again" : "the reply is kept and the model asked again";
                    _turns.Add(Record(turn, TurnKind.ProtocolError, result, reading.Reply) with { Error = $"neither a tool call nor a stop; {asked}" });
                    if (reading.History is { } history) _conversation.Add(ConversationMessage.Assistant(history));
                    continue;
                }
                case TurnAction.Done:
                    _turns.Add(Record(turn, TurnKind.Done, result, reading.Reply));
                    // A later episode should see the verdict the follow-up answers.
                    _conversation.Add(ConversationMessage.Assistant(reading.History!));
                    return new Outcome(OutcomeKind.Done);
            }

            corrections = 0;
            if (_imagesUsed >= _options.MaxImages)
            {
                _turns.Add(Record(turn, TurnKind.BudgetStop, result, reading.Reply));
                return new Outcome(OutcomeKind.ImageBudgetReached, $"the image budget of {_options.MaxImages} is spent");
            }
            // This reply's tokens are already spent; the tool call it asks for is the next cost, so check again.
            if (CostBudgetSpent(result.Usage) is { } overBudget)
            {
                _turns.Add(Record(turn, TurnKind.BudgetStop, result, reading.Reply));
                return overBudget;
            }

            var failure = await CallToolAsync(turn, reading, result);
            if (failure is not null) return new Outcome(OutcomeKind.Failed, failure);
            if (_options.Effort == Effort.Low || reading.StopsAfterTool) return new Outcome(OutcomeKind.Done);
            if (!_profile.AskAfterLastImage && _imagesUsed >= _options.MaxImages)
                return new Outcome(OutcomeKind.ImageBudgetReached, $"stopped after the last allowed image ({_options.MaxImages}) without asking the model again, as the reference client does");
        }
        return new Outcome(OutcomeKind.TurnBudgetReached, $"the turn budget of {_options.MaxTurns} is spent");
    }

    /// <summary>Runs the tool the reply asked for and records the turn; returns the failure reason, or null on success.</summary>
    private async Task<string?> CallToolAsync(int turn, TurnReading reading, AgentTurnResult result)
    {
        var reply = reading.Reply!;
        var call = reply.ToolCall!;
        var seed = _options.Seed.SeedFor(turn);
        var kind = call.IsEdit ? TurnKind.Edit : TurnKind.Generate;
        var record = Record(turn, kind, result, reply) with { Seed = seed };
        SetProgress(_progress with
        {
            Phase = call.IsEdit ? SessionPhase.Editing : SessionPhase.Generating,
            Round = _imagesUsed + 1,
            LastCaption = call.Argument,
            LastThink = reply.Think,
            LastJudgment = reply.Judge ?? _progress.LastJudgment,
        });

        ImageToolResult image;
        try
        {
            var input = new ImageToolInput(_id, turn, call.Argument, _options.Width, _options.Height, seed, call.IsEdit ? _lastImage : null, _options.NegativePrompt);
            image = await _context.CallActivityAsync<ImageToolResult>(
                call.IsEdit ? WorkflowNames.EditImage : WorkflowNames.GenerateImage, input, _retry);
        }
        catch (TaskFailedException ex)
        {
            _turns.Add(record with { Error = ex.FailureDetails.ErrorMessage });
            return ex.FailureDetails.ErrorMessage;
        }

        _imagesUsed++;
        _lastImage = image.Image;
        _turns.Add(record with { Image = image.Image, ToolSeconds = image.Seconds, ToolCost = image.Cost });
        _conversation.Add(ConversationMessage.Assistant(reading.History!));
        _conversation.Add(PromptMessages.ToolResponse(image.Image));

        SetProgress(_progress with { Phase = SessionPhase.Thinking, LastImage = image.Image, ImagesUsed = _imagesBefore + _imagesUsed });
        await _context.CallActivityAsync<bool>(
            WorkflowNames.PublishProgress, new PublishProgressInput(_id, _progress, Snapshot(outcome: null)));
        return null;
    }

    /// <summary>
    /// The cost budgets cover the whole session (every episode), unlike the image and turn budgets: what a session may
    /// spend must not reset with each follow-up. <paramref name="pending"/> is usage not yet in a recorded turn.
    /// </summary>
    private Outcome? CostBudgetSpent(TokenUsage? pending = null)
    {
        if (_options.MaxToolSeconds is { } maxSeconds)
        {
            var seconds = _turns.Sum(t => t.ToolSeconds);
            if (seconds >= maxSeconds)
                return new Outcome(OutcomeKind.CostBudgetReached, $"the tool budget of {maxSeconds:0.###} s is spent ({seconds:0.###} s used)");
        }
        if (_options.MaxTokens is { } maxTokens)
        {
            var usage = _turns.Aggregate(TokenUsage.Zero, (sum, t) => sum.Add(t.Usage)).Add(pending);
            var tokens = usage.InputTokens + usage.OutputTokens;
            if (tokens >= maxTokens)
                return new Outcome(OutcomeKind.CostBudgetReached, $"the token budget of {maxTokens} is spent ({tokens} used)");
        }
        return null;
    }

    /// <summary>
    /// A tool the session does not offer, or an edit before any image, is the model's mistake: the reply becomes invalid,
    /// which the general profile corrects and the genagent profiles treat as the reference does (the attempt fails).
    /// </summary>
    private TurnReading Callable(TurnReading reading)
    {
        if (reading is not { Action: TurnAction.Tool, Reply.ToolCall: { } call }) return reading;
        string? problem = null;
        if (!_tools.Contains(call.Name))
            problem = $"{call.Name} is not available in this session; use one of: {string.Join(", ", _tools)}.";
        else if (call.IsEdit && _lastImage is null)
            problem = $"{ToolNames.Edit} edits the latest image, and there is none yet; call {ToolNames.Generate} first.";
        return problem is null
            ? reading
            : reading with { Action = TurnAction.Invalid, Violation = new ProtocolViolationException(ProtocolErrorKind.UnknownTool, problem, reading.Reply.Raw) };
    }

    /// <summary>
    /// Waits for a follow-up, a cancel or the end of the window. A follow-up continues the session as a new execution
    /// (ContinueAsNew) so history stays one episode long; events that arrive meanwhile are carried over, not lost.
    /// A cancel while waiting ends the session <see cref="OutcomeKind.Cancelled"/> with the last image kept as final.
    /// </summary>
    private async Task<Trajectory> AwaitFollowUpAsync(Trajectory trajectory)
    {
        _logger.AwaitingFollowUp(_id, _episode, trajectory.Outcome!.Kind, _options.FollowUpWindowSeconds);
        SetProgress(_progress with { Phase = SessionPhase.AwaitingFollowUp });
        using var closeWindow = new CancellationTokenSource();
        var window = _context.CreateTimer(_context.CurrentUtcDateTime.AddSeconds(_options.FollowUpWindowSeconds), closeWindow.Token);
        while (true)
        {
            var followUp = _context.WaitForExternalEvent<string?>(WorkflowNames.FollowUpEvent);
            await Task.WhenAny(_cancel, followUp, window);
            if (CancelRequested)
            {
                CloseWindow(closeWindow);
                return Complete(await FinalizeAsync(new Outcome(OutcomeKind.Cancelled, "cancelled while waiting for a follow-up")));
            }
            if (!followUp.IsCompleted)
            {
                _logger.FollowUpWindowClosed(_id);
                return Complete(trajectory);
            }

            var text = await followUp;
            if (string.IsNullOrWhiteSpace(text))
            {
                _logger.EmptyFollowUpIgnored(_id);
                continue;
            }
            CloseWindow(closeWindow);
            ContinueWithFollowUp(text);
            return trajectory;
        }
    }

    // Synchronous on purpose: CancelAsync resumes on the thread pool, outside the orchestrator's single-threaded replay.
    private static void CloseWindow(CancellationTokenSource window) => window.Cancel();

    private void ContinueWithFollowUp(string text)
    {
        var episode = _episode + 1;
        _logger.FollowUpReceived(_id, episode);
        var carried = _conversation.Where((_, index) => !_corrections.Contains(index)).ToList();
        var state = new ConversationState
        {
            Episode = episode,
            NextTurn = _nextTurn,
            Messages = [.. ConversationCompaction.Compact(carried), PromptMessages.FollowUp(text)],
            Turns = [.. _turns],
            FollowUps = [.. _followUps, new FollowUpRecord(episode, _nextTurn, text.Trim(), _context.CurrentUtcDateTime)],
            LastImage = _lastImage,
            StartedAt = _startedAt,
            Protocol = _profile.Name,
            Tools = _tools,
            SystemPromptSource = _promptSource,
            Candidates = _candidates,
            Comparisons = _comparisons,
        };
        SetProgress(_progress with { Phase = SessionPhase.Starting, Episode = episode, Round = 0 });
        _context.ContinueAsNew(_input with { Conversation = state }, preserveUnprocessedEvents: true);
    }

    private TurnRecord Record(int turn, TurnKind kind, AgentTurnResult result, AgentReply? reply = null) => new()
    {
        Index = turn,
        Kind = kind,
        Episode = _episode,
        Attempt = _attempt,
        Think = reply?.Think,
        Judgment = reply?.Judge,
        Tool = reply?.ToolCall?.Name,
        Argument = reply?.ToolCall?.Argument,
        RawText = result.Text,
        ModelSeconds = result.Seconds,
        Usage = result.Usage,
        Sampled = result.Sampled,
    };

    private static Outcome Cancelled() => new(OutcomeKind.Cancelled, "cancelled on request");

    private void SetProgress(SessionProgress progress)
    {
        _progress = progress;
        _context.SetCustomStatus(progress);
    }

    private Trajectory Snapshot(Outcome? outcome) => new()
    {
        SessionId = _id,
        Prompt = _request.Prompt,
        Options = _options,
        Protocol = _profile.Name,
        SystemPromptSource = _promptSource,
        InputImage = _request.InputImage,
        Turns = [.. _turns],
        FollowUps = [.. _followUps],
        Candidates = _candidates,
        Comparisons = _comparisons,
        Outcome = outcome,
        FinalImage = _lastImage,
        StartedAt = _startedAt,
        EndedAt = outcome is null ? null : _context.CurrentUtcDateTime,
    };

    /// <summary>Writes trajectory.json and final.png; runs at the end of every episode so the store is current while the session waits.</summary>
    private async Task<Trajectory> FinalizeAsync(Outcome outcome)
    {
        _logger.SessionEnded(_id, outcome.Kind, outcome.Reason);
        var trajectory = Snapshot(outcome);
        SetProgress(_progress with { Phase = SessionPhase.Finalizing });
        await _context.CallActivityAsync<bool>(WorkflowNames.FinalizeSession, trajectory);
        return trajectory;
    }

    private Trajectory Complete(Trajectory trajectory)
    {
        SetProgress(_progress with { Phase = SessionPhase.Completed });
        return trajectory;
    }
}
