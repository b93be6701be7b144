namespace GenAgent.Inference.Models;

/// <summary>Absolute paths of the tokenizer files a model set needs (CLIP BPE and/or T5 SentencePiece).</summary>
public sealed record TokenizerFiles(string? ClipVocab, string? ClipMerges, string? T5Model);
