using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.AI;

namespace GenAgent.Sketch;

public sealed partial class SketchAgent
{
    /// <summary>
    /// One turn's draws at a temperature above 0, seeded by everything the turn sees (every message's text and image
    /// bytes) and the temperature: rollouts whose images differ draw differently, and a replayed turn draws the same.
    /// </summary>
    private sealed class Sampling
    {
        private Sampling(bool flips, int captionShift)
        {
            Flips = flips;
            CaptionShift = captionShift;
        }

        /// <summary>Whether this turn takes the other decision on its image.</summary>
        public bool Flips { get; }

        /// <summary>How much further along the caption styles this turn's caption is worded.</summary>
        public int CaptionShift { get; }

        public static Sampling? For(IReadOnlyList<ChatMessage> messages, float? temperature)
        {
            if (temperature is not (> 0 and var t)) return null;
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            hash.AppendData(BitConverter.GetBytes(t));
            foreach (var message in messages)
            {
                foreach (var content in message.Contents)
                {
                    if (content is TextContent text) hash.AppendData(Encoding.UTF8.GetBytes(text.Text));
                    else if (content is DataContent data) hash.AppendData(data.Data.Span);
                }
            }
            var random = new Random(BitConverter.ToInt32(hash.GetHashAndReset(), 0));
            return new Sampling(random.NextDouble() < FlipChance(t), random.Next(0, 3));
        }
    }
}
