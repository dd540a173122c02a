using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using RagPlatform.Api.Errors;

namespace RagPlatform.Api.Http;

/// <summary>
/// Reads a JSON request body with source-generated metadata. Read by hand rather than bound by minimal APIs so that
/// malformed JSON and oversized bodies get an error in the endpoint's shape that names the problem.
/// </summary>
internal static class JsonRequestBody
{
    public static async Task<T> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync(request.Body, typeInfo, cancellationToken).ConfigureAwait(false)
                ?? throw new ApiErrorException(ApiError.InvalidRequest("The request body is JSON null: send a JSON object."));
        }
        catch (JsonException e)
        {
            var location = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "" : $" at {e.Path}";
            throw new ApiErrorException(ApiError.InvalidRequest(
                $"The request body is not a valid JSON object for this endpoint{location}: {FirstSentence(e.Message)}",
                string.IsNullOrEmpty(e.Path) || e.Path == "$" ? null : e.Path.TrimStart('$', '.')));
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
