namespace GenAgent.Core.Training.Sft;

/// <summary>The trainers' dataset layouts the SFT export writes.</summary>
public enum SftFormat
{
    /// <summary>LLaMA-Factory's ShareGPT multimodal layout: a JSON array of <c>{messages, images}</c> and its <c>dataset_info.json</c>.</summary>
    LlamaFactory,

    /// <summary>ms-swift's JSONL of <c>{messages, images}</c>.</summary>
    Swift,

    /// <summary>OpenAI fine-tuning JSONL: <c>{messages}</c> with images as <c>image_url</c> parts (data URLs).</summary>
    OpenAI,
}
