using System.ClientModel.Primitives;
using System.Text.Json;
using GenAgent.Core.Tools;

namespace GenAgent.Core.Backends.OpenAI;

/// <summary>
/// Checks that a successful, non-streaming reply looks like a chat completion before the SDK reads it. The SDK would
/// otherwise fail on a wrongly typed or empty <c>choices</c> with exceptions (InvalidOperationException,
/// ArgumentOutOfRangeException) that cannot be told apart from programming errors.
/// </summary>
internal sealed class ChatReplyShapePolicy(string source) : PipelinePolicy
{
    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        ProcessNext(message, pipeline, currentIndex);
        Check(message.Response);
    }

    public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        await ProcessNextAsync(message, pipeline, currentIndex).ConfigureAwait(false);
        Check(message.Response);
    }

    private void Check(PipelineResponse? response)
    {
        if (response is null || response.IsError || IsEventStream(response))
        {
            return;
        }

        var text = response.Content.ToString();
        string? problem;
        try
        {
            using var document = JsonDocument.Parse(text);
            problem = Problem(document.RootElement);
        }
        catch (JsonException ex)
        {
            throw new PermanentToolException($"{source} replied with something that is not a chat completion: {BackendFailures.Excerpt(text)}", ex);
        }

        if (problem is not null)
        {
            throw new PermanentToolException($"{source} replied with something that is not a chat completion ({problem}): {BackendFailures.Excerpt(text)}");
        }
    }

    private static string? Problem(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return "not a JSON object";
        }

        if (!root.TryGetProperty("choices", out var choices) || choices.ValueKind != JsonValueKind.Array)
        {
            return "no choices array";
        }

        if (choices.GetArrayLength() == 0)
        {
            return "choices is empty";
        }

        return choices[0].ValueKind == JsonValueKind.Object
               && choices[0].TryGetProperty("message", out var message)
               && message.ValueKind == JsonValueKind.Object
            ? null
            : "choices[0].message is missing";
    }

    private static bool IsEventStream(PipelineResponse response) =>
        response.Headers.TryGetValue("Content-Type", out var type) && type?.StartsWith("text/event-stream", StringComparison.OrdinalIgnoreCase) == true;
}
