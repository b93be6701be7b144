using GenAgent.Core.Images;
using GenAgent.Core.Protocol;
using GenAgent.Core.Sessions;
using GenAgent.Workflow.Activities;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace GenAgent.Workflow.Orchestrations;

/// <summary>The state of one execution of <see cref="AgentSessionOrchestrator"/>. Runs inside the orchestrator: no I/O, clocks or randomness.</summary>
internal sealed class SessionRun
{
    private readonly TaskOrchestrationContext _context;
    private readonly string _id;
    private readonly SessionRequest _request;
    private readonly SessionOptions _options;
    private readonly TaskOptions _retry;
    private readonly ILogger _logger;
    private readonly DateTimeOffset _startedAt;
    private readonly Task<object?> _cancel;
    private readonly List<ConversationMessage> _conversation = [];
    private readonly List<TurnRecord> _turns = [];
    private SessionProgress _progress = new() { Phase = SessionPhase.Starting };
    private ImageRef? _lastImage;
    private int _imagesUsed;

    public SessionRun(TaskOrchestrationContext context, SessionInput input)
    {
        _context = context;
        _id = input.SessionId;
        _request = input.Request;
        _options = input.Request.Options;
        _logger = context.CreateReplaySafeLogger<AgentSessionOrchestrator>();
        _retry = ToolRetry.Options(input.Workflow ?? new WorkflowOptions(), _id, _logger);
        _startedAt = context.CurrentUtcDateTime;
        // A user's starting image is "the latest image" the editing tool works on until the first tool result.
        _lastImage = input.Request.InputImage;
        // Created once so an event raised at any point is seen at the next check.
        _cancel = context.WaitForExternalEvent<object?>(WorkflowNames.CancelEvent);
    }

    private bool CancelRequested => _cancel.IsCompleted;

    public async Task<Trajectory> RunAsync()
    {
        _logger.SessionStarted(_id, _options.MaxImages, _options.MaxTurns, _options.Effort);
        _conversation.Add(ConversationMessage.System(SystemPrompt.Build(_options.Tools)));
        _conversation.Add(PromptMessages.UserPrompt(_request.Prompt, _request.InputImage));

        // Effort.High (several candidate episodes judged against each other) is not built yet; it runs as Medium.
        var corrections = 0;
        for (var turn = 0; turn < _options.MaxTurns; turn++)
        {
            if (CancelRequested) return await EndAsync(OutcomeKind.Cancelled, "cancelled on request");

            SetProgress(_progress with { Turn = turn, Phase = SessionPhase.Thinking });
            AgentTurnResult result;
            try
            {
                result = await _context.CallActivityAsync<AgentTurnResult>(
                    WorkflowNames.AgentTurn, new AgentTurnInput(_id, turn, [.. _conversation]), _retry);
            }
            catch (TaskFailedException ex)
            {
                return await EndAsync(OutcomeKind.Failed, ex.FailureDetails.ErrorMessage);
            }
            if (CancelRequested) return await EndAsync(OutcomeKind.Cancelled, "cancelled on request");

            AgentReply reply;
            try
            {
                reply = AgentReplyParser.Parse(result.Text);
                EnsureCallable(reply);
            }
            catch (ProtocolViolationException violation)
            {
                _logger.ProtocolViolation(_id, turn, violation.Kind, violation.Message);
                _turns.Add(Record(turn, TurnKind.ProtocolError, result) with { Error = violation.Message });
                if (++corrections > _options.MaxCorrections)
                    return await EndAsync(OutcomeKind.Failed, $"model output broke the protocol: {violation.Message}");
                _conversation.Add(ConversationMessage.Assistant(result.Text));
                _conversation.Add(PromptMessages.Correction(violation, _options.Tools));
                continue;
            }
            corrections = 0;

            if (reply.IsDone)
            {
                _turns.Add(Record(turn, TurnKind.Done, result, reply));
                return await EndAsync(OutcomeKind.Done);
            }
            if (_imagesUsed >= _options.MaxImages)
            {
                _turns.Add(Record(turn, TurnKind.BudgetStop, result, reply));
                return await EndAsync(OutcomeKind.ImageBudgetReached, $"the image budget of {_options.MaxImages} is spent");
            }

            var failure = await CallToolAsync(turn, reply, result);
            if (failure is not null) return await EndAsync(OutcomeKind.Failed, failure);
            if (_options.Effort == Effort.Low) return await EndAsync(OutcomeKind.Done);
        }
        return await EndAsync(OutcomeKind.TurnBudgetReached, $"the turn budget of {_options.MaxTurns} is spent");
    }

    /// <summary>Runs the tool the reply asked for and records the turn; returns the failure reason, or null on success.</summary>
    private async Task<string?> CallToolAsync(int turn, AgentReply reply, AgentTurnResult result)
    {
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
            var input = new ImageToolInput(_id, turn, call.Argument, _options.Width, _options.Height, seed, call.IsEdit ? _lastImage : null);
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
        _conversation.Add(ConversationMessage.Assistant(reply.Normalized));
        _conversation.Add(PromptMessages.ToolResponse(image.Image));

        SetProgress(_progress with { Phase = SessionPhase.Thinking, LastImage = image.Image, ImagesUsed = _imagesUsed });
        await _context.CallActivityAsync<bool>(
            WorkflowNames.PublishProgress, new PublishProgressInput(_id, _progress, Snapshot(outcome: null)));
        return null;
    }

    /// <summary>A tool the session did not enable, or an edit before any image, is the model's mistake: it gets corrected like a format error.</summary>
    private void EnsureCallable(AgentReply reply)
    {
        if (reply.ToolCall is not { } call) return;
        if (!_options.Tools.Contains(call.Name))
            throw new ProtocolViolationException(ProtocolErrorKind.UnknownTool,
                $"{call.Name} is not available in this session; use one of: {string.Join(", ", _options.Tools)}.", reply.Raw);
        if (call.IsEdit && _lastImage is null)
            throw new ProtocolViolationException(ProtocolErrorKind.UnknownTool,
                $"{ToolNames.Edit} edits the latest image, and there is none yet; call {ToolNames.Generate} first.", reply.Raw);
    }

    private static TurnRecord Record(int turn, TurnKind kind, AgentTurnResult result, AgentReply? reply = null) => new()
    {
        Index = turn,
        Kind = kind,
        Think = reply?.Think,
        Judgment = reply?.Judge,
        Tool = reply?.ToolCall?.Name,
        Argument = reply?.ToolCall?.Argument,
        RawText = result.Text,
        ModelSeconds = result.Seconds,
        Usage = result.Usage,
    };

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
        InputImage = _request.InputImage,
        Turns = [.. _turns],
        Outcome = outcome,
        FinalImage = _lastImage,
        StartedAt = _startedAt,
        EndedAt = outcome is null ? null : _context.CurrentUtcDateTime,
    };

    private async Task<Trajectory> EndAsync(OutcomeKind kind, string? reason = null)
    {
        _logger.SessionEnded(_id, kind, reason);
        var trajectory = Snapshot(new Outcome(kind, reason));
        SetProgress(_progress with { Phase = SessionPhase.Finalizing });
        await _context.CallActivityAsync<bool>(WorkflowNames.FinalizeSession, trajectory);
        SetProgress(_progress with { Phase = SessionPhase.Completed });
        return trajectory;
    }
}
