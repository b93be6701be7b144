using GenAgent.Inference.Latents;

namespace GenAgent.Inference.Tests.Latents;

public sealed class FluxLatentsTests
{
    [Fact]
    public void Pack_groups_each_2x2_patch_channel_major()
    {
        // One item, 2 channels, 2x4 latent: value = 100 c + 10 y + x.
        var latents = new float[2 * 2 * 4];
        for (var c = 0; c < 2; c++)
        {
            for (var y = 0; y < 2; y++)
            {
                for (var x = 0; x < 4; x++)
                {
                    latents[(c * 8) + (y * 4) + x] = (100 * c) + (10 * y) + x;
                }
            }
        }

        var packed = FluxLatents.Pack(latents, 1, 2, 2, 4);

        // Token 0 is the patch at columns 0-1, token 1 at columns 2-3; features (c, dy, dx).
        Assert.Equal([0f, 1f, 10f, 11f, 100f, 101f, 110f, 111f, 2f, 3f, 12f, 13f, 102f, 103f, 112f, 113f], packed);
    }

    [Fact]
    public void Unpack_inverts_pack()
    {
        var latents = Enumerable.Range(0, 2 * 16 * 4 * 6).Select(i => (float)i).ToArray();

        var round = FluxLatents.Unpack(FluxLatents.Pack(latents, 2, 16, 4, 6), 2, 16, 4, 6);

        Assert.Equal(latents, round);
    }

    [Fact]
    public void Image_ids_are_zero_row_col()
    {
        // A 4x6 latent has 2x3 patches.
        Assert.Equal([0f, 0, 0, 0, 0, 1, 0, 0, 2, 0, 1, 0, 0, 1, 1, 0, 1, 2], FluxLatents.ImageIds(4, 6));
        Assert.Equal(6, FluxLatents.SequenceLength(4, 6));
    }

    [Fact]
    public void Text_ids_are_zeros()
    {
        Assert.Equal(new float[12], FluxLatents.TextIds(4));
    }

    [Fact]
    public void Odd_sizes_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => FluxLatents.Pack(new float[3 * 4], 1, 1, 3, 4));
    }
}
