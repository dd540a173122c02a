using RagPlatform.Onnx.Generation;

namespace RagPlatform.Onnx.Tests;

public sealed class TokenSamplerTests
{
    private static float[] Logits() => [0.5f, 3.0f, 2.9f, -1.0f, 1.0f, 2.0f];

    [Fact]
    public void Greedy_picks_the_largest_logit()
    {
        var sampler = new TokenSampler(new GenerationOptions(), 6);

        Assert.Equal(1, sampler.Next(Logits()));
    }

    [Fact]
    public void Repetition_penalty_moves_greedy_off_a_seen_token()
    {
        var sampler = new TokenSampler(new GenerationOptions { RepetitionPenalty = 1.5f }, 6);
        sampler.Observe(1);

        Assert.Equal(2, sampler.Next(Logits()));
    }

    [Fact]
    public void Repetition_penalty_multiplies_negative_logits()
    {
        var sampler = new TokenSampler(new GenerationOptions { RepetitionPenalty = 2f }, 3);
        sampler.Observe([0, 1]);
        float[] logits = [-1f, 4f, 2.5f];

        sampler.Next(logits);

        Assert.Equal([-2f, 2f, 2.5f], logits);
    }

    [Fact]
    public void Same_seed_gives_the_same_picks()
    {
        var options = new GenerationOptions { Temperature = 1.5f, Seed = 42 };

        Assert.Equal(Draw(options, 50), Draw(options, 50));
    }

    [Fact]
    public void Different_seeds_give_different_picks()
    {
        Assert.NotEqual(Draw(new GenerationOptions { Temperature = 1.5f, Seed = 1 }, 50), Draw(new GenerationOptions { Temperature = 1.5f, Seed = 2 }, 50));
    }

    [Fact]
    public void Top_k_limits_picks_to_the_k_largest()
    {
        var picks = Draw(new GenerationOptions { Temperature = 5f, TopK = 2, Seed = 7 }, 200);

        Assert.All(picks, pick => Assert.Contains(pick, new[] { 1, 2 }));
        Assert.Contains(1, picks);
        Assert.Contains(2, picks);
    }

    [Fact]
    public void Top_p_keeps_the_smallest_set_reaching_p()
    {
        // Probabilities ≈ 0.73 and 0.27 for the two large logits, the rest ≈ 0: p = 0.5 keeps only the first.
        var picks = Draw(new GenerationOptions { Temperature = 1f, TopP = 0.5f, Seed = 3 }, 100, [0f, 10f, 9f, -20f]);

        Assert.All(picks, pick => Assert.Equal(1, pick));
    }

    [Fact]
    public void Sampling_follows_the_softmax_distribution()
    {
        var picks = Draw(new GenerationOptions { Temperature = 1f, Seed = 11 }, 4000, [0f, MathF.Log(3f)]);

        var shareOfSecond = picks.Count(pick => pick == 1) / 4000.0;
        Assert.InRange(shareOfSecond, 0.72, 0.78);
    }

    private static int[] Draw(GenerationOptions options, int count, float[]? logits = null)
    {
        var template = logits ?? Logits();
        var sampler = new TokenSampler(options, template.Length);
        return Enumerable.Range(0, count).Select(_ => sampler.Next((float[])template.Clone())).ToArray();
    }
}
