namespace GenAgent.Core.Backends.ComfyUI;

/// <summary>
/// The workflows used when none is configured: the standard checkpoint text-to-image graph ComfyUI opens with, and the
/// same graph sampling from the uploaded source image for edits. The checkpoint is <c>GenAgent:*:Model</c>.
/// </summary>
internal static class DefaultWorkflows
{
    public static string TextToImage(string checkpoint) => Checkpoint("""
        {
          "4": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "CHECKPOINT"}},
          "5": {"class_type": "EmptyLatentImage", "inputs": {"width": 512, "height": 512, "batch_size": 1}},
          "6": {"class_type": "CLIPTextEncode", "inputs": {"text": "", "clip": ["4", 1]}},
          "7": {"class_type": "CLIPTextEncode", "inputs": {"text": "", "clip": ["4", 1]}},
          "3": {"class_type": "KSampler", "inputs": {"seed": 0, "steps": 20, "cfg": 7, "sampler_name": "euler", "scheduler": "normal", "denoise": 1,
                "model": ["4", 0], "positive": ["6", 0], "negative": ["7", 0], "latent_image": ["5", 0]}},
          "8": {"class_type": "VAEDecode", "inputs": {"samples": ["3", 0], "vae": ["4", 2]}},
          "9": {"class_type": "SaveImage", "inputs": {"filename_prefix": "genagent", "images": ["8", 0]}}
        }
        """, checkpoint);

    public static string ImageToImage(string checkpoint) => Checkpoint("""
        {
          "4": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "CHECKPOINT"}},
          "10": {"class_type": "LoadImage", "inputs": {"image": ""}},
          "11": {"class_type": "VAEEncode", "inputs": {"pixels": ["10", 0], "vae": ["4", 2]}},
          "6": {"class_type": "CLIPTextEncode", "inputs": {"text": "", "clip": ["4", 1]}},
          "7": {"class_type": "CLIPTextEncode", "inputs": {"text": "", "clip": ["4", 1]}},
          "3": {"class_type": "KSampler", "inputs": {"seed": 0, "steps": 20, "cfg": 7, "sampler_name": "euler", "scheduler": "normal", "denoise": 0.6,
                "model": ["4", 0], "positive": ["6", 0], "negative": ["7", 0], "latent_image": ["11", 0]}},
          "8": {"class_type": "VAEDecode", "inputs": {"samples": ["3", 0], "vae": ["4", 2]}},
          "9": {"class_type": "SaveImage", "inputs": {"filename_prefix": "genagent", "images": ["8", 0]}}
        }
        """, checkpoint);

    private static string Checkpoint(string workflow, string checkpoint) =>
        workflow.Replace("\"CHECKPOINT\"", System.Text.Json.JsonSerializer.Serialize(checkpoint), StringComparison.Ordinal);
}
