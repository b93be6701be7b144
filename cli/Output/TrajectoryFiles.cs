using System.Text.Json;
using GenAgent.Core.Images;
using GenAgent.Core.Sessions;

namespace GenAgent.Cli.Output;

/// <summary>
/// A trajectory.json on disk and its images: beside it as <c>genagent run</c> writes them (<see cref="SessionWriter"/>:
/// the k-th image turn is <c>round-k.png</c>, the final image <c>final.png</c>), or as a local store keeps them (the
/// trajectory at <c>sessions/&lt;id&gt;/trajectory.json</c>, each image under its key's file name beside it), else in
/// the configured store by key.
/// </summary>
internal static class TrajectoryFiles
{
    public static Trajectory Load(string path)
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), SessionJson.Default.Trajectory)
                ?? throw new CliException($"'{path}' holds no trajectory.");
        }
        catch (JsonException bad)
        {
            throw new CliException($"'{path}' is not a trajectory: {bad.Message}");
        }
    }

    /// <summary>Reads an image of <paramref name="trajectory"/> from its folder, else from <paramref name="store"/>.</summary>
    public static Func<ImageRef, CancellationToken, Task<byte[]?>> Images(Trajectory trajectory, string folder, Func<IImageStore> store)
    {
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        var round = 0;
        foreach (var turn in trajectory.Turns.Where(t => t.Image is not null)) paths.TryAdd(turn.Image!.Key, Path.Combine(folder, SessionWriter.RoundFileName(++round)));
        if (trajectory.FinalImage is { } final) paths.TryAdd(final.Key, Path.Combine(folder, SessionWriter.FinalFileName));
        return async (image, cancellationToken) =>
        {
            if (paths.TryGetValue(image.Key, out var written) && File.Exists(written)) return await File.ReadAllBytesAsync(written, cancellationToken);
            var stored = Path.Combine(folder, Path.GetFileName(image.Key));
            if (File.Exists(stored)) return await File.ReadAllBytesAsync(stored, cancellationToken);
            try
            {
                return await store().TryGetAsync(image.Key, cancellationToken);
            }
            catch (ArgumentException bad)
            {
                throw new CliException($"image key '{image.Key}' of session {trajectory.SessionId}: {bad.Message}");
            }
        };
    }
}
