namespace GenAgent.GpuWorker.Wire;

/// <summary><c>POST /v1/judge/text</c>: does the image (base64) contain <c>text</c>?</summary>
internal sealed record TextJudgeBody(string? Image, string? Text);

internal sealed record TextJudgeReply(bool Contains, float Similarity, string Recognized, IReadOnlyList<TextLine> Lines);

/// <summary>A recognized line; <c>box</c> is four [x, y] corners clockwise from the top left.</summary>
internal sealed record TextLine(string Text, float Confidence, IReadOnlyList<int[]> Box);
