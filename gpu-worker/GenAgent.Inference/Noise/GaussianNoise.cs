namespace GenAgent.Inference.Noise;

/// <summary>
/// Seeded standard-normal noise, identical on every platform: SplitMix64 expands the seed into the
/// state of xoshiro256** (Blackman and Vigna, 2018); each pair of uniforms u1 in (0,1], u2 in [0,1)
/// (the top 53 bits of a draw) becomes two normals by Box-Muller: r = sqrt(-2 ln u1),
/// z0 = r cos(2 pi u2), z1 = r sin(2 pi u2), computed in double and rounded to float.
/// The same seed gives the same latents, so the same image on the same provider.
/// </summary>
public sealed class GaussianNoise
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;
    private double? _spare;

    public GaussianNoise(long seed)
    {
        var state = unchecked((ulong)seed);
        _s0 = SplitMix64(ref state);
        _s1 = SplitMix64(ref state);
        _s2 = SplitMix64(ref state);
        _s3 = SplitMix64(ref state);
    }

    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextUniform() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public double NextGaussian()
    {
        if (_spare is { } spare)
        {
            _spare = null;
            return spare;
        }

        var u1 = 1.0 - NextUniform();
        var u2 = NextUniform();
        var r = Math.Sqrt(-2.0 * Math.Log(u1));
        var angle = 2.0 * Math.PI * u2;
        _spare = r * Math.Sin(angle);
        return r * Math.Cos(angle);
    }

    public void Fill(Span<float> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = (float)NextGaussian();
        }
    }

    public float[] Next(int count)
    {
        var values = new float[count];
        Fill(values);
        return values;
    }

    private static ulong SplitMix64(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
