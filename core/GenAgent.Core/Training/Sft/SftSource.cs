using GenAgent.Core.Images;
using GenAgent.Core.Sessions;

namespace GenAgent.Core.Training.Sft;

/// <summary>A trajectory to export, where it came from (for the manifest), and how to read its images.</summary>
public sealed record SftSource(string Origin, Trajectory Trajectory, Func<ImageRef, CancellationToken, Task<byte[]?>> Images);
