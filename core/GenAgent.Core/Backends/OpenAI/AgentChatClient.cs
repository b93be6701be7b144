using System.ClientModel;
using System.Runtime.CompilerServices;
using System.Text.Json;
using GenAgent.Core.Configuration;
using GenAgent.Core.Tools;
using Microsoft.Extensions.AI;
using ChatCompletionOptions = OpenAI.Chat.ChatCompletionOptions;

namespace GenAgent.Core.Backends.OpenAI;

/// <summary>
/// Applies <see cref="AgentOptions"/> to every call (model, temperature, output budget, the tool-call stop sequence)
/// and turns the SDK's failures into <see cref="TransientToolException"/> or <see cref="PermanentToolException"/>.
/// Values a caller sets on <see cref="ChatOptions"/> win over the configured ones.
/// </summary>
public sealed class AgentChatClient(IChatClient innerClient, AgentOptions options, string model, string source) : DelegatingChatClient(innerClient)
{
    /// <summary>The reference client stops here and the reply parser restores the tag.</summary>
    public const string ToolCallEnd = "</tool_call>";

    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ChatResponse response;
        try
        {
            response = await base.GetResponseAsync(messages, Effective(options), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (Classify(ex, cancellationToken) is { } mapped)
        {
            throw mapped;
        }

        if (string.IsNullOrWhiteSpace(response.Text) && !response.Messages.SelectMany(m => m.Contents).Any(c => c is FunctionCallContent))
        {
            throw new PermanentToolException($"{source} returned an empty reply (finish reason: {response.FinishReason?.Value ?? "none"}).");
        }

        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var updates = base.GetStreamingResponseAsync(messages, Effective(options), cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using var _ = updates.ConfigureAwait(false);
        var sawContent = false;
        while (true)
        {
            ChatResponseUpdate update;
            try
            {
                if (!await updates.MoveNextAsync().ConfigureAwait(false))
                {
                    break;
                }

                update = updates.Current;
            }
            catch (Exception ex) when (Classify(ex, cancellationToken) is { } mapped)
            {
                throw mapped;
            }

            sawContent |= !string.IsNullOrEmpty(update.Text) || update.Contents.Any(c => c is FunctionCallContent);
            yield return update;
        }

        if (!sawContent)
        {
            throw new PermanentToolException($"{source} streamed an empty reply.");
        }
    }

    private ChatOptions Effective(ChatOptions? requested)
    {
        var effective = requested?.Clone() ?? new ChatOptions();
        effective.ModelId ??= model;
        effective.Temperature ??= options.Temperature;
        effective.MaxOutputTokens ??= options.MaxOutputTokens;
        if (options.Logprobs) effective.RawRepresentationFactory ??= _ => LogprobsRequest();
        if (options.StopAtToolCallEnd)
        {
            var stops = effective.StopSequences ?? [];
            if (!stops.Contains(ToolCallEnd))
            {
                effective.StopSequences = [.. stops, ToolCallEnd];
            }
        }

        return effective;
    }

    /// <summary>
    /// Log-probabilities of the sampled tokens, and vLLM's <c>return_tokens_as_token_ids</c> so each token comes back as
    /// its id (an OpenAI-compatible server that does not know the field ignores it).
    /// </summary>
    private static ChatCompletionOptions LogprobsRequest()
    {
        var request = new ChatCompletionOptions { IncludeLogProbabilities = true };
#pragma warning disable SCME0001 // JsonPatch is the SDK's one way to send a field it does not model.
        request.Patch.Set("$.return_tokens_as_token_ids"u8, true);
#pragma warning restore SCME0001
        return request;
    }

    private Exception? Classify(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        TransientToolException or PermanentToolException => null,
        ClientResultException { Status: > 0 } result =>
            BackendFailures.FromStatus(result.Status, result.GetRawResponse()?.Content?.ToString() ?? result.Message, source, "Agent"),
        // Status 0: the SDK's transport wraps a connection failure.
        ClientResultException { InnerException: { } inner } => (Exception?)BackendFailures.FromTransport(inner, source, cancellationToken) ?? Garbage(exception),
        JsonException or FormatException or KeyNotFoundException => Garbage(exception),
        _ => BackendFailures.FromTransport(exception, source, cancellationToken),
    };

    private PermanentToolException Garbage(Exception exception) =>
        new($"{source} replied with something that is not a chat completion: {exception.Message}", exception);
}
