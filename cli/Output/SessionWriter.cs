using System.Text.Json;
using GenAgent.Core.Images;
using GenAgent.Core.Reports;
using GenAgent.Core.Sessions;

namespace GenAgent.Cli.Output;

/// <summary>Copies a session out of the image store into <c>&lt;out&gt;/&lt;session-id&gt;/</c> with a self-contained report.</summary>
internal static class SessionWriter
{
    public const string FinalFileName = "final.png";

    /// <summary>The file of the <paramref name="round"/>-th image turn (1-based, every episode in order).</summary>
    public static string RoundFileName(int round) => $"round-{round}.png";

    public static async Task<WrittenSession> WriteAsync(Trajectory trajectory, IImageStore store, OutFolder output, CancellationToken cancellationToken)
    {
        var folder = output.SessionFolder(trajectory.SessionId);
        Directory.CreateDirectory(folder);
        var images = new Dictionary<string, byte[]>(StringComparer.Ordinal);

        var rounds = new List<string>();
        foreach (var image in trajectory.Turns.Select(t => t.Image).OfType<ImageRef>())
        {
            var path = Path.Combine(folder, RoundFileName(rounds.Count + 1));
            await File.WriteAllBytesAsync(path, await ReadAsync(store, image, images, cancellationToken), cancellationToken);
            rounds.Add(path);
        }

        string? final = null;
        if (trajectory.FinalImage is not null)
        {
            final = Path.Combine(folder, FinalFileName);
            await File.WriteAllBytesAsync(final, await ReadAsync(store, trajectory.FinalImage, images, cancellationToken), cancellationToken);
        }

        if (trajectory.InputImage is not null) await ReadAsync(store, trajectory.InputImage, images, cancellationToken);

        // Effort high: every candidate's final image, so the report shows the losers too and nothing points into the store.
        foreach (var candidate in trajectory.Candidates ?? [])
        {
            if (candidate.FinalImage is not { } image) continue;
            var bytes = await ReadAsync(store, image, images, cancellationToken);
            await File.WriteAllBytesAsync(Path.Combine(folder, $"candidate-{candidate.Index}.png"), bytes, cancellationToken);
        }

        var trajectoryPath = Path.Combine(folder, "trajectory.json");
        await File.WriteAllTextAsync(trajectoryPath, JsonSerializer.Serialize(trajectory, SessionJson.Default.Trajectory), cancellationToken);

        var reportPath = Path.Combine(folder, "report.html");
        var html = ReportRenderer.Render(trajectory, image => DataUri(image, images));
        await File.WriteAllTextAsync(reportPath, html, cancellationToken);

        return new WrittenSession(folder, rounds, final, trajectoryPath, reportPath);
    }

    private static async Task<byte[]> ReadAsync(IImageStore store, ImageRef image, Dictionary<string, byte[]> cache, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(image.Key, out var cached)) return cached;
        var bytes = await store.TryGetAsync(image.Key, cancellationToken)
            ?? throw new CliException($"image '{image.Key}' is missing from the image store; the session's store was moved or cleaned.", ExitCodes.Failed);
        cache[image.Key] = bytes;
        return bytes;
    }

    private static string DataUri(ImageRef image, Dictionary<string, byte[]> images) =>
        images.TryGetValue(image.Key, out var bytes) ? $"data:{image.MediaType};base64,{Convert.ToBase64String(bytes)}" : image.Key;
}
