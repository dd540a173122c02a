using RagPlatform.Core.Retrieval;

namespace RagPlatform.Core.Answers;

/// <summary>How an answer was produced.</summary>
public enum AnswerMode
{
    /// <summary>Sentences copied verbatim from retrieved chunks; no model involved.</summary>
    Extractive,

    /// <summary>Written by a generator model from the retrieved context.</summary>
    Generative,
}

/// <summary>An answer together with the evidence it rests on.</summary>
/// <param name="Abstained">True when the documents do not support an answer and the text says so.</param>
/// <param name="Language">"id" or "en": the language of the question, which the answer uses.</param>
/// <param name="Context">The retrieved chunks the answer was built from, best first.</param>
public sealed record GroundedAnswer(
    string Question,
    string Text,
    IReadOnlyList<Citation> Citations,
    bool Abstained,
    string Language,
    AnswerMode Mode,
    IReadOnlyList<ScoredChunk> Context);
