namespace GenAgent.Core.Judging.Wise;

/// <summary>One WISE prompt: the prompt, the explanation of what it really asks for, and its category.</summary>
public sealed record WiseItem(string PromptId, string Prompt, string Explanation, string Category, string? Subcategory);
