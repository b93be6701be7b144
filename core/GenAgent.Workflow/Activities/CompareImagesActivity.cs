using System.Diagnostics;
using GenAgent.Core.Images;
using GenAgent.Core.Judging;
using GenAgent.Core.Protocol;
using GenAgent.Core.Sessions;
using GenAgent.Core.Telemetry;
using GenAgent.Workflow.Orchestrations;
using Microsoft.DurableTask;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace GenAgent.Workflow.Activities;

/// <summary>
/// Asks the agent model which of two images follows the prompt better (wire format in <see cref="PairwiseJudgePrompt"/>).
/// A reply without a usable answer gets one corrective message. The verdict is cached under the session and match,
/// so a re-run after a crash does not pay the model again.
/// </summary>
/// <param name="agent">The agent model, which judges unless a separate judge is configured.</param>
/// <param name="store">The image store.</param>
/// <param name="logger">The activity's logger.</param>
/// <param name="judge">The model under <c>GenAgent:Judge</c>, when configured.</param>
public sealed class CompareImagesActivity(IChatClient agent, IImageStore store, ILogger<CompareImagesActivity> logger, JudgeChatClient? judge = null)
    : TaskActivity<CompareImagesInput, CompareImagesResult>
{
    private readonly IChatClient chatClient = judge?.Client ?? agent;

    public override async Task<CompareImagesResult> RunAsync(TaskActivityContext context, CompareImagesInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var scope = SessionLogScope.Begin(logger, input.SessionId);
        var cacheKey = SessionKeys.Comparison(input.SessionId, input.Match);
        if (await StoredResult.TryGetAsync(store, cacheKey, WorkflowJson.Default.CompareImagesResult).ConfigureAwait(false) is { } cached)
        {
            logger.ReusedComparison(input.SessionId, input.Match);
            return cached;
        }

        using var span = GenAgentTelemetry.StartSessionActivity("compare_images", input.SessionId);
        span?.SetTag("genagent.match", input.Match);
        var conversation = PairwiseJudgePrompt.Messages(input.Prompt, input.ImageA, input.ImageB).ToList();
        var stopwatch = Stopwatch.StartNew();
        var usage = TokenUsage.Zero;
        var (text, tokens) = await AskAsync(conversation).ConfigureAwait(false);
        usage = usage.Add(tokens);
        var verdict = ComparisonParser.TryParse(text);
        var corrected = false;
        if (verdict is null)
        {
            logger.ComparisonCorrected(input.SessionId, input.Match);
            corrected = true;
            conversation.Add(ConversationMessage.Assistant(text));
            conversation.Add(PairwiseJudgePrompt.Correction());
            (text, tokens) = await AskAsync(conversation).ConfigureAwait(false);
            usage = usage.Add(tokens);
            verdict = ComparisonParser.TryParse(text);
        }

        var seconds = stopwatch.Elapsed.TotalSeconds;
        GenAgentTelemetry.ModelSeconds.Record(seconds);
        logger.ComparisonText(input.SessionId, input.Match, text);
        var result = new CompareImagesResult(verdict?.Winner, verdict?.Reasoning, text, corrected, usage, seconds);
        await StoredResult.PutAsync(store, cacheKey, result, WorkflowJson.Default.CompareImagesResult).ConfigureAwait(false);
        return result;
    }

    private async Task<(string Text, TokenUsage? Usage)> AskAsync(IReadOnlyList<ConversationMessage> conversation)
    {
        var messages = await ConversationRenderer.RenderAsync(conversation, store).ConfigureAwait(false);
        var response = await chatClient.GetResponseAsync(messages).ConfigureAwait(false);
        return (response.Text, ModelUsage.Record(response));
    }
}
