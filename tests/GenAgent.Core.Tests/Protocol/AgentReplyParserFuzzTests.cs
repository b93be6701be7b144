using System.Text;
using GenAgent.Core.Protocol;

namespace GenAgent.Core.Tests.Protocol;

/// <summary>Random damage to valid replies must end in a reply with one action or a <see cref="ProtocolViolationException"/>, nothing else.</summary>
public sealed class AgentReplyParserFuzzTests
{
    private const int Seed = 2601_18543;
    private const int Iterations = 10_000;

    private static readonly string[] Valid =
    [
        "<think>The prompt asks for three red apples on a wooden table.</think>\n<tool_call>{\"name\": \"image_generation_tool\", \"arguments\": {\"caption\": \"Three glossy red apples on an oak table, soft daylight\"}}</tool_call>",
        "<think>Looking again.</think>\n<judge>Only two apples are visible.</judge>\n<tool_call>{'name': 'image_editing_tool', 'arguments': {'instruction': 'add a third red apple'}}",
        "<think>All good.</think>\n<judge>Three red apples, correct table, photo-like.</judge>\n<answer>done</answer>",
        "<judge>Wrong layout entirely.</judge><tool_call>\n```json\n{\"name\": \"image_generation_tool\", \"arguments\": \"{\\\"caption\\\": \\\"a cat's hat, studio photo\\\"}\",}\n```\n</tool_call>",
    ];

    private static readonly string[] Fragments =
    [
        "<think>", "</think>", "<judge>", "</judge>", "<answer>", "</answer>", "<tool_call>", "</tool_call>",
        "{", "}", "[", "]", "\"", "'", ":", ",", "\\", "```", "```json\n", "\n", " ", "done", "Done.",
        "\"name\"", "\"arguments\"", "\"caption\"", "\"instruction\"", ToolNames.Generate, ToolNames.Edit,
        "\uD83C\uDF4E", "\uD800", "\uDC00", "\u0000", "\u200B", "é", "猫", "\\u003c", "null", "42", "true",
    ];

    [Fact]
    public void Mutated_replies_parse_to_one_action_or_a_protocol_violation()
    {
        var random = new Random(Seed);
        var parsed = 0;
        var violations = new HashSet<ProtocolErrorKind>();

        for (var i = 0; i < Iterations; i++)
        {
            var text = Mutate(Valid[random.Next(Valid.Length)], random);
            try
            {
                var reply = AgentReplyParser.Parse(text);
                AssertOneAction(reply, text);
                var replayed = AgentReplyParser.Parse(reply.Normalized);
                Assert.Equal(reply.ToolCall, replayed.ToolCall);
                Assert.Equal(reply.Answer, replayed.Answer);
                parsed++;
            }
            catch (ProtocolViolationException error)
            {
                Assert.Equal(text, error.Raw);
                violations.Add(error.Kind);
            }
            catch (Exception other)
            {
                Assert.Fail($"Iteration {i} threw {other.GetType().Name}: {other.Message}\nInput: {Escape(text)}");
            }
        }

        // Both outcomes must actually occur, or the mutations are too weak (or too strong) to test anything.
        Assert.InRange(parsed, Iterations / 10, Iterations - (Iterations / 10));
        Assert.Superset(new HashSet<ProtocolErrorKind> { ProtocolErrorKind.NoAction, ProtocolErrorKind.AmbiguousAction, ProtocolErrorKind.MalformedToolCall }, violations);
    }

    private static void AssertOneAction(AgentReply reply, string text)
    {
        Assert.True(reply.ToolCall is null != reply.Answer is null, $"Expected exactly one action for: {Escape(text)}");
        if (reply.ToolCall is { } call)
        {
            Assert.True(ToolNames.IsKnown(call.Name));
            Assert.False(string.IsNullOrWhiteSpace(call.Argument));
        }
    }

    private static string Mutate(string text, Random random)
    {
        var builder = new StringBuilder(text);
        var count = random.Next(1, 5);
        for (var m = 0; m < count; m++)
        {
            var at = random.Next(builder.Length + 1);
            switch (random.Next(8))
            {
                case 0 when builder.Length > 0:
                    builder.Remove(Math.Min(at, builder.Length - 1), Math.Min(random.Next(1, 6), builder.Length - Math.Min(at, builder.Length - 1)));
                    break;
                case 1:
                    builder.Insert(at, Fragments[random.Next(Fragments.Length)]);
                    break;
                case 2:
                    builder.Insert(at, (char)random.Next(0, 0x10000));
                    break;
                case 3:
                    var length = random.Next(0, builder.Length - at + 1);
                    builder.Insert(at, builder.ToString(at, length));
                    break;
                case 4:
                    builder.Length = at;
                    break;
                case 5:
                    builder.Replace(Pick(random, "<think>", "<judge>", "</tool_call>"), Pick(random, "<answer>", "<tool_call>", "</judge>"));
                    break;
                case 6:
                    builder.Replace(Pick(random, "\"", "'"), Pick(random, "'", "\"", "`"));
                    break;
                default:
                    builder.Insert(at, Pick(random, "<THINK>", "< tool_call >", "</ANSWER>", "<answer>Done.</answer>"));
                    break;
            }
        }

        return builder.ToString();
    }

    private static string Pick(Random random, params string[] options) => options[random.Next(options.Length)];

    private static string Escape(string text) =>
        string.Concat(text.Select(c => c < ' ' || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
