using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GenAgent.Core.Protocol;

/// <summary>
/// Writes a parsed reply back as clean protocol text for the next turn: every segment in the model's
/// order, every closing tag present, the tool call as plain JSON without fences or repairs.
/// </summary>
internal static class ReplyText
{
    // The caption is the model's own prose; keep it readable instead of \u-escaping every non-ASCII letter.
    // '<' is the one character escaped by hand: a decoded "\u003cthink>" must not turn into a tag on replay.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Render(List<ReplySegment> segments, ToolCall? toolCall, string? answer)
    {
        var lines = new List<string>(segments.Count);
        foreach (var segment in segments)
        {
            var content = segment.Tag switch
            {
                ReplyTags.ToolCall => ToolCallJson(toolCall!),
                ReplyTags.Answer => answer!,
                _ => segment.Content.Trim(),
            };
            lines.Add($"<{segment.Tag}>{content}</{segment.Tag}>");
        }

        return string.Join("\n", lines);
    }

    public static string ToolCallJson(ToolCall call)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("name", call.Name);
            writer.WriteStartObject("arguments");
            writer.WriteString(call.IsEdit ? ToolNames.InstructionArgument : ToolNames.CaptionArgument, call.Argument);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()).Replace("<", "\\u003c", StringComparison.Ordinal);
    }
}
