using System.Text.RegularExpressions;

namespace RagPlatform.Reliability.BadInputs;

/// <summary>One hostile or broken input of the generated batch and how ingestion must treat it.</summary>
/// <param name="RelativePath">Path under the batch folder, '/' separated.</param>
public sealed record BadInput(string Kind, string RelativePath, BadInputExpectation Expectation);

/// <summary>What ingestion must do with a bad input.</summary>
public abstract record BadInputExpectation(string Description);

/// <summary>Reported as failed with a reason matching <paramref name="Reason"/>; nothing stored for it.</summary>
public sealed record Rejected(Regex Reason) : BadInputExpectation($"rejected: {Reason}");

/// <summary>Stored as a document whose text contains none of <paramref name="ForbiddenText"/> (script code, inline data).</summary>
public sealed record IngestedSafely(params string[] ForbiddenText) : BadInputExpectation("ingested, without " + (ForbiddenText.Length == 0 ? "damage" : string.Join(", ", ForbiddenText)));

/// <summary>A folder link that must not be followed: nothing below it appears in the results, and the walk ends.</summary>
public sealed record NotFollowed() : BadInputExpectation("link not followed");
