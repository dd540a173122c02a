namespace RagPlatform.Core.Answers;

/// <summary>
/// One step of a streamed answer: text deltas arrive in order and concatenate to the final text; the last update
/// carries the complete <see cref="GroundedAnswer"/>.
/// </summary>
public sealed record AnswerUpdate(string TextDelta, GroundedAnswer? Completed = null)
{
    public bool IsFinal => Completed is not null;
}
