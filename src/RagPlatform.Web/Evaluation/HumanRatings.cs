using RagPlatform.Evaluation.Human;

namespace RagPlatform.Web.Evaluation;

/// <summary>The rules the rating sheets enforce, applied to ratings entered in the browser.</summary>
internal static class HumanRatings
{
    public const int MaxRaterLength = 60;
    public const int MaxCommentLength = 2000;

    /// <exception cref="ArgumentException">A field is out of range; the message names it.</exception>
    public static void Validate(HumanRating rating)
    {
        if (rating.Correctness is < 1 or > 5)
        {
            throw new ArgumentException($"Correctness must be a whole number from 1 to 5, got {rating.Correctness}.", nameof(rating));
        }

        if (string.IsNullOrWhiteSpace(rating.Rater) || rating.Rater.Length > MaxRaterLength)
        {
            throw new ArgumentException($"Enter your name as the rater (1–{MaxRaterLength} characters).", nameof(rating));
        }

        if (rating.Comment.Length > MaxCommentLength)
        {
            throw new ArgumentException($"The comment can be at most {MaxCommentLength} characters.", nameof(rating));
        }
    }
}
