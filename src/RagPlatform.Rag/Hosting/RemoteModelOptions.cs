namespace RagPlatform.Rag.Hosting;

/// <summary>
/// A model served by an OpenAI-compatible server (Ollama, vLLM, llama.cpp server, or another RagPlatform), for
/// models too big for the local runtime. Bound from Models:Generator or Models:Embedding when Endpoint is set.
/// </summary>
public sealed class RemoteModelOptions
{
    /// <summary>Base URL including the API version path, e.g. http://localhost:11434/v1.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The model name the server knows, e.g. qwen2.5:0.5b-instruct.</summary>
    public string? Model { get; set; }

    /// <summary>Bearer key when the server requires one.</summary>
    public string? ApiKey { get; set; }
}
