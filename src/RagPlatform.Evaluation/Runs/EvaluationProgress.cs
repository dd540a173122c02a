namespace RagPlatform.Evaluation.Runs;

/// <summary>Reported after each question.</summary>
/// <param name="Failed">True when answering this question threw; the run continues.</param>
public sealed record EvaluationProgress(int Completed, int Total, string QuestionId, TimeSpan Elapsed, bool Failed);
