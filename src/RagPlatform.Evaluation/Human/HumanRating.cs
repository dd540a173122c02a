namespace RagPlatform.Evaluation.Human;

/// <summary>One rater's judgement of one answer.</summary>
/// <param name="Correctness">1 (wrong) … 5 (fully correct).</param>
/// <param name="Hallucination">True when the rater found content the sources do not support.</param>
public sealed record HumanRating(string QuestionId, string Rater, int Correctness, bool Hallucination, string Comment);
