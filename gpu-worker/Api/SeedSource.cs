namespace GenAgent.GpuWorker.Api;

/// <summary>
/// Seeds for a request's images: image i of a request with seed s gets s + i, so any one image can be reproduced
/// alone (its seed is in the reply). Without a seed the OpenAI endpoints draw one, like OpenAI's own randomness.
/// </summary>
internal static class SeedSource
{
    public static long Base(long? requested) => requested ?? Random.Shared.NextInt64(0, int.MaxValue);
}
