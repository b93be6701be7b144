namespace GenAgent.GpuWorker.Wire;

/// <summary><c>POST /v1/judge/clip</c>: one image (<c>image</c>) or several (<c>images</c>), base64, scored against <c>text</c>.</summary>
internal sealed record ClipJudgeBody(string? Image, IReadOnlyList<string>? Images, string? Text);

/// <summary>CLIP scores (100 x cosine similarity), one per image in request order.</summary>
internal sealed record ClipJudgeReply(string Model, IReadOnlyList<float> Scores);
