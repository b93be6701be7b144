using GenAgent.Core.Images;

namespace GenAgent.Workflow.Activities;

/// <summary>One match of an effort-high tournament; <see cref="SessionId"/> and <see cref="Match"/> key the cached verdict.</summary>
public sealed record CompareImagesInput(string SessionId, int Match, string Prompt, ImageRef ImageA, ImageRef ImageB);
