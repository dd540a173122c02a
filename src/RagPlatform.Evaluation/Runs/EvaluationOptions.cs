using Microsoft.Extensions.AI;
using RagPlatform.Core.Generation;
using RagPlatform.Core.Text;
using RagPlatform.Evaluation.Hallucination;

namespace RagPlatform.Evaluation.Runs;

/// <summary>
/// Settings of an evaluation run. The plain values bind from configuration; the optional services switch on extra
/// measurements: a judge adds LLM-judge groundedness (then the primary method), embeddings add semantic
/// groundedness, a text scorer adds the perplexity of gold answers.
/// </summary>
public sealed class EvaluationOptions
{
    public const string SectionName = "Evaluation";

    /// <summary>Chunks to retrieve per question; retrieval metrics are cut at this rank (hit@k, nDCG@k, …).</summary>
    public int TopK { get; set; } = 5;

    /// <summary>Questions answered at the same time. 1 keeps latency measurements undisturbed.</summary>
    public int Concurrency { get; set; } = 1;

    /// <summary>Free text describing the system under test (model, prompt, index), stored in the run.</summary>
    public string? Description { get; set; }

    public LexicalGroundednessOptions Lexical { get; set; } = new();

    public SemanticGroundednessOptions Semantic { get; set; } = new();

    /// <summary>Prompt-library choices passed with every question (see <see cref="Core.Answers.AskRequest.PromptComponents"/>).</summary>
    public Dictionary<string, string> PromptComponents { get; set; } = [];

    public IChatClient? Judge { get; set; }

    public IEmbeddingGenerator<string, Embedding<float>>? Embeddings { get; set; }

    /// <summary>Scores gold answers given question and retrieved context; its perplexity is recorded per question.</summary>
    public ITextScorer? TextScorer { get; set; }

    /// <summary>Content terms for lexical groundedness; null uses Core's <see cref="MultilingualAnalyzer"/>.</summary>
    public ITextAnalyzer? Analyzer { get; set; }

    /// <summary>Counts answer tokens for tokens/s (e.g. the generator's tokenizer); null counts whitespace-separated words.</summary>
    public Func<string, int>? AnswerTokenCounter { get; set; }

    internal void Validate()
    {
        if (TopK < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(TopK), TopK, "TopK must be at least 1.");
        }

        if (Concurrency < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Concurrency), Concurrency, "Concurrency must be at least 1.");
        }
    }
}
