using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Polly.Timeout;

namespace RagPlatform.Storage.Qdrant.Http;

/// <summary>
/// Sends requests to Qdrant's REST API and turns every failure into a <see cref="QdrantException"/> that says what
/// to do. Retries live in the HttpClient's resilience pipeline, not here.
/// </summary>
internal sealed class QdrantRestClient
{
    private const int MaxErrorTextLength = 500;

    private readonly HttpClient _http;
    private readonly QdrantStoreOptions _options;
    private readonly Uri _baseAddress;

    public QdrantRestClient(HttpClient http, QdrantStoreOptions options)
    {
        _http = http;
        _options = options;
        // A trailing slash keeps a path prefix (a reverse proxy's "/qdrant") when relative paths are resolved.
        var endpoint = options.Endpoint.ToString();
        _baseAddress = new Uri(endpoint.EndsWith('/') ? endpoint : endpoint + "/");
    }

    public Task<TResult> GetAsync<TResult>(
        string path, JsonTypeInfo<QdrantResponse<TResult>> responseType, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, path, content: null, responseType, cancellationToken);

    public Task<TResult> SendAsync<TRequest, TResult>(
        HttpMethod method,
        string path,
        TRequest body,
        JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<QdrantResponse<TResult>> responseType,
        CancellationToken cancellationToken) =>
        SendAsync(method, path, JsonContent.Create(body, requestType), responseType, cancellationToken);

    /// <summary>Sends a write made with <c>wait=true</c> and fails unless Qdrant reports it completed.</summary>
    public async Task UpdateAsync<TRequest>(
        HttpMethod method, string path, TRequest body, JsonTypeInfo<TRequest> requestType, CancellationToken cancellationToken)
    {
        var result = await SendAsync(method, path, body, requestType, QdrantJsonContext.Default.QdrantResponseUpdateResult, cancellationToken);
        if (result.Status != UpdateResult.Completed)
        {
            throw new QdrantException(
                $"Qdrant did not confirm {method} /{path}: its status is '{result.Status}' instead of '{UpdateResult.Completed}' " +
                $"(operation {result.OperationId}), so the change may be missing or applied later. The operation is " +
                $"idempotent: run it again, and raise {QdrantStoreOptions.SectionName}:Timeout if Qdrant is slow.");
        }
    }

    private async Task<TResult> SendAsync<TResult>(
        HttpMethod method,
        string path,
        HttpContent? content,
        JsonTypeInfo<QdrantResponse<TResult>> responseType,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(_baseAddress, path)) { Content = content };
        if (!string.IsNullOrEmpty(_options.ApiKey))
        {
            request.Headers.Add("api-key", _options.ApiKey);
        }

        using var response = await SendWithClearErrorsAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var errorText = await response.Content.ReadAsStringAsync(cancellationToken);
            throw CreateStatusException(method, path, response.StatusCode, errorText);
        }

        var envelope = await response.Content.ReadFromJsonAsync(responseType, cancellationToken);
        var result = envelope is null ? default : envelope.Result;
        if (result is null)
        {
            throw new QdrantException($"Qdrant answered {method} /{path} without a result.", response.StatusCode);
        }

        return result;
    }

    private async Task<HttpResponseMessage> SendWithClearErrorsAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (HttpRequestException exception) when (exception.StatusCode is null)
        {
            throw new QdrantException(
                $"Qdrant is not reachable at {_baseAddress}; start it with `docker compose up qdrant` or set " +
                $"{QdrantStoreOptions.SectionName}:Endpoint. ({exception.Message})",
                innerException: exception);
        }
        catch (Exception exception) when (exception is TimeoutRejectedException
            || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new QdrantException(
                $"Qdrant at {_baseAddress} did not answer {request.Method} {request.RequestUri?.AbsolutePath} in time " +
                $"({QdrantStoreOptions.SectionName}:Timeout is {_options.Timeout}).",
                innerException: exception);
        }
    }

    private static QdrantException CreateStatusException(HttpMethod method, string path, HttpStatusCode status, string errorText)
    {
        var error = ReadErrorMessage(errorText);
        var code = $"{(int)status} {status}";
        var message = status switch
        {
            HttpStatusCode.Unauthorized =>
                $"Qdrant rejected the API key ({code}: {error}): set {QdrantStoreOptions.SectionName}:ApiKey / " +
                "QDRANT__SERVICE__API_KEY so that both sides use the same key.",
            HttpStatusCode.Forbidden =>
                $"Qdrant refused {method} /{path} ({code}: {error}); a read-only API key cannot write — use the read-write key.",
            HttpStatusCode.NotFound =>
                $"Qdrant has no such collection or point for {method} /{path} ({code}: {error}).",
            HttpStatusCode.Conflict =>
                $"Qdrant reported a conflict for {method} /{path} ({code}: {error}).",
            HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity =>
                $"Qdrant rejected {method} /{path} ({code}): {error}",
            _ => $"Qdrant failed {method} /{path} ({code}): {error}",
        };
        return new QdrantException(message, status);
    }

    /// <summary>Qdrant's <c>status.error</c> from a JSON error body, or the body itself (401 answers are plain text).</summary>
    private static string ReadErrorMessage(string errorText)
    {
        try
        {
            var error = JsonSerializer.Deserialize(errorText, QdrantJsonContext.Default.ErrorResponse)?.Status?.Error;
            if (!string.IsNullOrWhiteSpace(error))
            {
                return error;
            }
        }
        catch (JsonException)
        {
            // Not JSON: fall through to the raw text.
        }

        var text = errorText.Trim();
        return text.Length switch
        {
            0 => "no details given",
            > MaxErrorTextLength => text[..MaxErrorTextLength] + "…",
            _ => text,
        };
    }
}
