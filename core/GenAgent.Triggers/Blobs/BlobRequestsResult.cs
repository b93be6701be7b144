namespace GenAgent.Triggers.Blobs;

/// <summary>What <see cref="BlobRequestsRunner.StartFromFileAsync"/> did with a request file; the input of collecting its results.</summary>
public sealed record BlobRequestsResult(string FileName, IReadOnlyList<RequestLine> Sessions, IReadOnlyList<BrokenLine> Broken);
