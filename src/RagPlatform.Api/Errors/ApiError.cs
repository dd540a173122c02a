namespace RagPlatform.Api.Errors;

/// <summary>
/// A failed request in neutral form: /v1 endpoints write it as OpenAI's error object, /api endpoints as problem
/// details, so every check (keys, limits, validation) is written once for both.
/// </summary>
/// <param name="Type">OpenAI's error type, e.g. "invalid_request_error".</param>
/// <param name="Param">The request field at fault, when there is one.</param>
/// <param name="Code">A stable machine-readable code, e.g. "invalid_api_key".</param>
internal sealed record ApiError(int StatusCode, string Message, string Type, string? Param = null, string? Code = null)
{
    public static ApiError InvalidRequest(string message, string? param = null) =>
        new(StatusCodes.Status400BadRequest, message, "invalid_request_error", param);

    public static ApiError MissingApiKey() =>
        new(StatusCodes.Status401Unauthorized,
            "No API key was provided: send the header 'Authorization: Bearer <key>' with one of the keys configured in Api:ApiKeys.",
            "invalid_request_error", null, "invalid_api_key");

    public static ApiError IncorrectApiKey() =>
        new(StatusCodes.Status401Unauthorized,
            "Incorrect API key provided: use one of the keys configured in Api:ApiKeys.",
            "invalid_request_error", null, "invalid_api_key");

    public static ApiError NotFound(string message, string? param, string code) =>
        new(StatusCodes.Status404NotFound, message, "invalid_request_error", param, code);

    public static ApiError TooLarge(string message) =>
        new(StatusCodes.Status413PayloadTooLarge, message, "invalid_request_error", null, "request_too_large");

    public static ApiError RateLimited(TimeSpan? retryAfter) =>
        new(StatusCodes.Status429TooManyRequests,
            retryAfter is { } wait
                ? $"Rate limit reached (Api:RateLimit:PermitsPerMinute); try again in {Math.Ceiling(wait.TotalSeconds)} s."
                : "Rate limit reached (Api:RateLimit:PermitsPerMinute); try again later.",
            "requests", null, "rate_limit_exceeded");

    public static ApiError NotConfigured(string message) =>
        new(StatusCodes.Status503ServiceUnavailable, message, "server_error", null, "model_not_configured");

    public static ApiError ServerFailure(string message) =>
        new(StatusCodes.Status500InternalServerError, message, "server_error");

    /// <summary>A rejected argument, without the " (Parameter 'x')" suffix .NET appends to the message.</summary>
    public static ApiError FromArgument(ArgumentException exception)
    {
        var suffix = exception.ParamName is null ? null : $" (Parameter '{exception.ParamName}')";
        var message = suffix is not null && exception.Message.EndsWith(suffix, StringComparison.Ordinal)
            ? exception.Message[..^suffix.Length]
            : exception.Message;
        return InvalidRequest(message, exception.ParamName);
    }

    /// <summary>
    /// The error for a failure the handler let through. The platform rejects bad input (an empty question, a prompt
    /// longer than the model's context) with ArgumentException and reports misconfiguration with
    /// InvalidOperationException, both with messages written for the user; anything else stays in the server log.
    /// </summary>
    public static ApiError FromException(Exception exception) => exception switch
    {
        ApiErrorException api => api.Error,
        BadHttpRequestException badRequest => FromBadRequest(badRequest),
        ArgumentException argument => FromArgument(argument),
        InvalidOperationException => ServerFailure(exception.Message),
        _ => ServerFailure("The server failed to process the request; its log has the details."),
    };

    /// <summary>Maps the status of a request Kestrel refused to read (body too large, malformed) to an error.</summary>
    public static ApiError FromBadRequest(BadHttpRequestException exception) =>
        exception.StatusCode == StatusCodes.Status413PayloadTooLarge
            ? TooLarge($"{exception.Message} Send less data or raise Api:MaxRequestBytes (Ingestion:MaxFileBytes for uploads).")
            : new(exception.StatusCode, exception.Message, "invalid_request_error");
}

/// <summary>Thrown by request handling to end the request with <see cref="Error"/>.</summary>
internal sealed class ApiErrorException(ApiError error) : Exception(error.Message)
{
    public ApiError Error { get; } = error;
}
