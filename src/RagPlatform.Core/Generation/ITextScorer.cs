namespace RagPlatform.Core.Generation;

/// <summary>Scores how likely a language model finds a text: per-token log-probabilities and perplexity.</summary>
public interface ITextScorer
{
    /// <summary>Scores <paramref name="continuation"/> given <paramref name="context"/> (context tokens are not scored).</summary>
    Task<TextScore> ScoreAsync(string context, string continuation, CancellationToken cancellationToken = default);
}

/// <param name="LogProbability">Natural-log probability of the token given everything before it.</param>
public sealed record TokenLogProbability(string Token, double LogProbability);

public sealed record TextScore(IReadOnlyList<TokenLogProbability> Tokens)
{
    public double MeanLogProbability => Tokens.Count == 0 ? 0 : Tokens.Average(t => t.LogProbability);

    /// <summary>exp(−mean log-probability); 1 is a perfectly predicted text.</summary>
    public double Perplexity => Math.Exp(-MeanLogProbability);
}
