namespace RagPlatform.Web.Evaluation;

/// <summary>The rater's name for this browser session, so it is typed once rather than for every rating.</summary>
internal sealed class RaterName
{
    public string Value { get; set; } = string.Empty;
}
