using System.Text.Json;
using GenAgent.Core.Images;
using GenAgent.Core.Sessions;
using Microsoft.DurableTask;

namespace GenAgent.Workflow.Activities;

/// <summary>Writes the finished trajectory and a copy of the final image next to it.</summary>
public sealed class FinalizeSessionActivity(IImageStore store) : TaskActivity<Trajectory, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, Trajectory input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.FinalImage is { } final)
        {
            var png = await store.TryGetAsync(final.Key).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The final image {final.Key} is missing from the store.");
            await store.PutAsync(SessionKeys.FinalImage(input.SessionId), png, final.MediaType).ConfigureAwait(false);
        }
        var json = JsonSerializer.SerializeToUtf8Bytes(input, SessionJson.Default.Trajectory);
        await store.PutAsync(SessionKeys.Trajectory(input.SessionId), json, "application/json").ConfigureAwait(false);
        return true;
    }
}
