using GenAgent.Core.Images;
using GenAgent.Core.Judging;

namespace GenAgent.Core.Tests.Training;

/// <summary>
/// The training tests' judge: an image is one byte, the number of its four checks that pass (all four make a pass),
/// and a test image's key ends with that number, so what the judge sees is all that decides.
/// </summary>
internal sealed class CountingJudge : IImageJudge
{
    public string Name => "counting";

    public Task<ImageVerdict> JudgeAsync(byte[] image, JudgeRequest request, CancellationToken cancellationToken = default)
    {
        var passed = image[0];
        return Task.FromResult(new ImageVerdict(passed >= 4, [.. Enumerable.Range(0, 4).Select(i => Check(i < passed))], Name));
    }

    public static CheckOutcome Check(bool pass) => new("count", "1", pass ? "1" : "0", pass);

    /// <summary>The one byte of a test image, read back from the number its key ends with.</summary>
    public static byte[] Bytes(ImageRef image) => [byte.Parse(image.Key[(image.Key.LastIndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture)];
}
