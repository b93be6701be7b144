namespace GenAgent.Triggers.Events;

/// <summary>The answer Event Grid expects to a subscription validation event: <c>{"validationResponse": code}</c>.</summary>
public sealed record SubscriptionValidationAnswer(string ValidationResponse);
