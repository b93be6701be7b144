using GenAgent.Core.Images;
using GenAgent.Core.Protocol;

namespace GenAgent.Core.Tests.Protocol;

public sealed class ConversationCompactionTests
{
    [Fact]
    public void Long_thinking_is_cut_with_an_ellipsis_and_the_rest_of_the_reply_kept()
    {
        var text = $"<think>{new string('a', 50)}</think>\n<judge>fine</judge>\n<answer>done</answer>";
        var trimmed = ConversationCompaction.TrimThinking(text, 10);

        Assert.Equal($"<think>aaaaaaaaaa{ConversationCompaction.Ellipsis}</think>\n<judge>fine</judge>\n<answer>done</answer>", trimmed);
    }

    [Fact]
    public void Short_thinking_is_left_alone_and_trimming_twice_changes_nothing()
    {
        const string text = "<think>short</think><answer>done</answer>";
        Assert.Equal(text, ConversationCompaction.TrimThinking(text, 10));

        var once = ConversationCompaction.TrimThinking($"<think>{new string('b', 30)}  x</think>", 12);
        Assert.Equal(once, ConversationCompaction.TrimThinking(once, 12));
    }

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        var trimmed = ConversationCompaction.TrimThinking("<think>abc😀def</think>", 4);
        Assert.Equal($"<think>abc{ConversationCompaction.Ellipsis}</think>", trimmed);
    }

    [Fact]
    public void Only_assistant_text_is_compacted_and_images_stay_references()
    {
        var image = new ImageRef("sessions/s/turn-00.png", 64, 64);
        var longThink = $"<think>{new string('c', 40)}</think>";
        ConversationMessage[] messages =
        [
            ConversationMessage.System(longThink),
            ConversationMessage.User(longThink),
            ConversationMessage.Assistant(longThink + "<tool_call>{}</tool_call>"),
            PromptMessages.ToolResponse(image),
        ];

        var compacted = ConversationCompaction.Compact(messages, maxThinkChars: 5);

        Assert.Equal(messages[0], compacted[0]);
        Assert.Equal(messages[1], compacted[1]);
        Assert.Equal($"<think>ccccc{ConversationCompaction.Ellipsis}</think><tool_call>{{}}</tool_call>", compacted[2].Parts[0].Text);
        Assert.Same(image, compacted[3].Parts[1].Image);
        Assert.Equal(messages[3].Parts.Select(p => p.Text), compacted[3].Parts.Select(p => p.Text));
    }
}
