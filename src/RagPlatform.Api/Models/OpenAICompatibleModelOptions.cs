namespace RagPlatform.Api.Models;

/// <summary>
/// A model served by an OpenAI-compatible server (OpenAI, vLLM, llama.cpp, Ollama, another RagPlatform …).
/// Bound from "Models:Generator" and "Models:Embedding".
/// </summary>
public sealed class OpenAICompatibleModelOptions
{
    /// <summary>Base address of the API, including its version segment, e.g. http://127.0.0.1:5000/v1.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The model id to request, as the server's GET /models lists it.</summary>
    public string? Model { get; set; }

    /// <summary>Sent as "Authorization: Bearer"; leave empty for servers without keys.</summary>
    public string? ApiKey { get; set; }
}
