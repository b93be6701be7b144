namespace GenAgent.Inference.Schedulers;

/// <summary>
/// The SD noise table and "trailing" timestep spacing, as diffusers' EulerDiscreteScheduler builds them:
/// scaled_linear betas, alphas_cumprod, sigma_t = sqrt((1 - acp_t) / acp_t), timesteps
/// round(arange(T, 0, -T/N)) - 1, sigmas = table[timesteps] followed by 0.
/// </summary>
internal static class DiscreteSigmas
{
    public static double[] Table(int trainTimesteps, double betaStart, double betaEnd)
    {
        var table = new double[trainTimesteps];
        var cumulative = 1.0;
        var start = Math.Sqrt(betaStart);
        var end = Math.Sqrt(betaEnd);
        for (var t = 0; t < trainTimesteps; t++)
        {
            var root = trainTimesteps == 1 ? start : start + ((end - start) * t / (trainTimesteps - 1));
            cumulative *= 1 - (root * root);
            table[t] = Math.Sqrt((1 - cumulative) / cumulative);
        }

        return table;
    }

    public static Schedule Trailing(int steps, int trainTimesteps, double[] table)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(steps, trainTimesteps);
        var ratio = (double)trainTimesteps / steps;
        var timesteps = new float[steps];
        var sigmas = new float[steps + 1];
        for (var i = 0; i < steps; i++)
        {
            var t = (int)Math.Round(trainTimesteps - (i * ratio), MidpointRounding.ToEven) - 1;
            timesteps[i] = t;
            sigmas[i] = (float)table[t];
        }

        return new Schedule(timesteps, sigmas);
    }
}
