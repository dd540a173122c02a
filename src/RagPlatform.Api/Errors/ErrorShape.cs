namespace RagPlatform.Api.Errors;

/// <summary>How an endpoint group writes errors; attached to endpoints as metadata.</summary>
internal enum ErrorShape
{
    /// <summary>{"error": {"message", "type", "param", "code"}} — what OpenAI clients parse.</summary>
    OpenAI,

    /// <summary>RFC 9457 problem details, with "code" and "param" as extensions.</summary>
    ProblemDetails,
}

internal sealed record ErrorShapeMetadata(ErrorShape Shape);
