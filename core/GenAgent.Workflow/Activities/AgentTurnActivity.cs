using System.Diagnostics;
using GenAgent.Core.Backends.OpenAI;
using GenAgent.Core.Images;
using GenAgent.Core.Protocol;
using GenAgent.Core.Sessions;
using GenAgent.Core.Telemetry;
using Microsoft.DurableTask;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace GenAgent.Workflow.Activities;

/// <summary>
/// Asks the agent model for its next message. The reply is cached in the store under a key made of the session and
/// turn, so a re-run after a crash returns it without paying the model again.
/// </summary>
public sealed class AgentTurnActivity(IChatClient chatClient, IImageStore store, ILogger<AgentTurnActivity> logger)
    : TaskActivity<AgentTurnInput, AgentTurnResult>
{
    public override async Task<AgentTurnResult> RunAsync(TaskActivityContext context, AgentTurnInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var scope = SessionLogScope.Begin(logger, input.SessionId);
        var cacheKey = SessionKeys.AgentReply(input.SessionId, input.Turn);
        if (await StoredResult.TryGetAsync(store, cacheKey, WorkflowJson.Default.AgentTurnResult).ConfigureAwait(false) is { } cached)
        {
            logger.ReusedAgentReply(input.SessionId, input.Turn);
            return cached;
        }

        var messages = await ConversationRenderer.RenderAsync(input.Conversation, store).ConfigureAwait(false);
        using var span = GenAgentTelemetry.StartSessionActivity("agent_turn", input.SessionId);
        span?.SetTag("genagent.turn", input.Turn);
        var stopwatch = Stopwatch.StartNew();
        ChatResponse response;
        try
        {
            var options = input.Temperature is null && input.TopP is null ? null : new ChatOptions { Temperature = input.Temperature, TopP = input.TopP };
            response = await chatClient.GetResponseAsync(messages, options).ConfigureAwait(false);
        }
        catch (Exception failure)
        {
            // The failure itself goes on to the orchestrator's retry policy; the span only records it.
            span?.SetStatus(ActivityStatusCode.Error, failure.Message);
            throw;
        }
        var seconds = stopwatch.Elapsed.TotalSeconds;
        GenAgentTelemetry.ModelSeconds.Record(seconds);
        var usage = ModelUsage.Record(response);
        var result = new AgentTurnResult(response.Text, usage, seconds, SampledTokenReader.Read(response));
        logger.AgentReplied(input.SessionId, input.Turn, seconds);
        logger.AgentText(input.SessionId, input.Turn, result.Text);
        await StoredResult.PutAsync(store, cacheKey, result, WorkflowJson.Default.AgentTurnResult).ConfigureAwait(false);
        return result;
    }
}
