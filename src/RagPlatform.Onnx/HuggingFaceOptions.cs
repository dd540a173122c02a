namespace RagPlatform.Onnx;

/// <summary>Where <see cref="HuggingFaceDownloader"/> downloads from.</summary>
public sealed class HuggingFaceOptions
{
    public Uri BaseAddress { get; set; } = new("https://huggingface.co/");

    /// <summary>Access token for gated or private repositories, sent as a bearer token.</summary>
    public string? Token { get; set; }
}
