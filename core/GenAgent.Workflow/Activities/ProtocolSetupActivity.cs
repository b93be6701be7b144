using GenAgent.Core.Protocol.Profiles;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace GenAgent.Workflow.Activities;

/// <summary>
/// The first step of a session: which protocol profile drives the model, which tools it is offered and the system prompt
/// text. An activity because the prompt may come from a file; its result is checkpointed, so a replay (or a host whose
/// configuration changed meanwhile) keeps driving the session the way it started.
/// </summary>
/// <param name="logger">The activity's logger.</param>
/// <param name="configured">The host's protocol (AddGenAgentCore registers it); a host that wires its own agent runs the general one.</param>
public sealed class ProtocolSetupActivity(ILogger<ProtocolSetupActivity> logger, AgentProtocol? configured = null) : TaskActivity<ProtocolSetupInput, ProtocolSetup>
{
    private readonly AgentProtocol protocol = configured ?? AgentProtocol.General;

    public override Task<ProtocolSetup> RunAsync(TaskActivityContext context, ProtocolSetupInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var scope = SessionLogScope.Begin(logger, input.SessionId);
        // Never empty: every session offers generation (SessionOptions.Validate) and every profile knows it.
        var tools = protocol.Profile.OfferedTools(input.Tools);
        var (text, source) = protocol.SystemPromptFor(tools);
        return Task.FromResult(new ProtocolSetup(protocol.Profile.Name, text, source, tools));
    }
}

public sealed record ProtocolSetupInput(string SessionId, IReadOnlyList<string> Tools);

/// <summary>The protocol a session runs under, fixed at its start.</summary>
public sealed record ProtocolSetup(string Protocol, string SystemPrompt, string PromptSource, IReadOnlyList<string> Tools);
