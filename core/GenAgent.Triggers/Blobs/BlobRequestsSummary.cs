namespace GenAgent.Triggers.Blobs;

/// <summary>The <c>&lt;file&gt;/summary.json</c> written when every session of a request file has ended.</summary>
public sealed record BlobRequestsSummary(string FileName, DateTimeOffset CompletedAt, IReadOnlyList<SummaryLine> Sessions, IReadOnlyList<BrokenLine> Broken);
