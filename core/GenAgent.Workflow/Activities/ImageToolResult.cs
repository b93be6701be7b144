using GenAgent.Core.Images;

namespace GenAgent.Workflow.Activities;

/// <summary>The stored image. <see cref="Reused"/> is true when a previous run had already produced it and the tool was not called.</summary>
public sealed record ImageToolResult(ImageRef Image, double Seconds, decimal? Cost, bool Reused);
