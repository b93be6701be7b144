using GenAgent.Core.Images;
using GenAgent.Core.Protocol;
using GenAgent.Workflow.Activities;
using GenAgent.Workflow.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace GenAgent.Workflow.Tests.Activities;

public sealed class AgentTurnActivityTests
{
    [Fact]
    public async Task A_rerun_of_the_same_turn_returns_the_cached_reply_without_calling_the_model()
    {
        using var folder = new TempFolder();
        var agent = new ScriptedChatClient(Replies.Done());
        var activity = new AgentTurnActivity(agent, new LocalImageStore(folder.Path), NullLogger<AgentTurnActivity>.Instance);
        var input = new AgentTurnInput("s1", 0, [ConversationMessage.User("Prompt: a cat")]);

        var first = await activity.RunAsync(null!, input);
        var second = await activity.RunAsync(null!, input);

        Assert.Single(agent.Seen);
        Assert.Equal(Replies.Done(), first.Text);
        Assert.Equal(first, second);
        Assert.Equal(100, first.Usage!.InputTokens);
    }
}
