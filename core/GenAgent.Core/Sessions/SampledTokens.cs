namespace GenAgent.Core.Sessions;

/// <summary>
/// The tokens of one agent reply as the policy server sampled them, for an RL trainer: each token's log-probability,
/// and its id where the server gives ids (vLLM with <c>return_tokens_as_token_ids</c> writes each token as
/// <c>token_id:N</c>); otherwise the token text. They cover the reply as generated (<see cref="TurnRecord.RawText"/>).
/// </summary>
public sealed record SampledTokens(IReadOnlyList<float> Logprobs, IReadOnlyList<int>? TokenIds = null, IReadOnlyList<string>? Tokens = null);
