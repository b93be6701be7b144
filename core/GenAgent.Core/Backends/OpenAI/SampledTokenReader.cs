using System.Globalization;
using GenAgent.Core.Sessions;
using Microsoft.Extensions.AI;
using OpenAI.Chat;

namespace GenAgent.Core.Backends.OpenAI;

/// <summary>
/// Reads the token log-probabilities of an OpenAI-compatible chat completion (asked for with
/// <see cref="Configuration.AgentOptions.Logprobs"/>). Microsoft.Extensions.AI keeps no log-probabilities of its own,
/// so they come from the SDK's completion, which the response carries as its raw representation.
/// </summary>
public static class SampledTokenReader
{
    private const string IdPrefix = "token_id:";

    /// <summary>Null when the reply carries none (not asked for, another kind of client, a server that ignores it).</summary>
    public static SampledTokens? Read(ChatResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.RawRepresentation is not ChatCompletion { ContentTokenLogProbabilities: { Count: > 0 } tokens }) return null;
        var logprobs = tokens.Select(t => t.LogProbability).ToList();
        var texts = tokens.Select(t => t.Token).ToList();
        // vLLM with return_tokens_as_token_ids names every token by its id; anything else keeps the token text.
        var ids = new List<int>(texts.Count);
        foreach (var text in texts)
        {
            if (!text.StartsWith(IdPrefix, StringComparison.Ordinal)
                || !int.TryParse(text.AsSpan(IdPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return new SampledTokens(logprobs, Tokens: texts);
            }
            ids.Add(id);
        }
        return new SampledTokens(logprobs, TokenIds: ids);
    }
}
