using Microsoft.AspNetCore.WebUtilities;
using RagPlatform.Api.OpenAI;

namespace RagPlatform.Api.Errors;

internal static class ApiErrorResults
{
    public static ErrorShape? ShapeOf(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<ErrorShapeMetadata>()?.Shape;

    public static IResult ToResult(this ApiError error, ErrorShape shape) => shape switch
    {
        ErrorShape.OpenAI => TypedResults.Json(
            new OpenAIErrorResponse(new OpenAIError(error.Message, error.Type, error.Param, error.Code)),
            OpenAIJsonContext.Default.OpenAIErrorResponse,
            statusCode: error.StatusCode),
        _ => TypedResults.Problem(
            detail: error.Message,
            statusCode: error.StatusCode,
            title: ReasonPhrases.GetReasonPhrase(error.StatusCode),
            extensions: ProblemExtensions(error)),
    };

    private static Dictionary<string, object?> ProblemExtensions(ApiError error)
    {
        var extensions = new Dictionary<string, object?>();
        if (error.Code is not null)
        {
            extensions["code"] = error.Code;
        }

        if (error.Param is not null)
        {
            extensions["param"] = error.Param;
        }

        return extensions;
    }
}
