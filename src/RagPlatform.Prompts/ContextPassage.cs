using RagPlatform.Core.Documents;

namespace RagPlatform.Prompts;

/// <summary>A retrieved passage to answer from; its position in the list (from 1) is its citation number.</summary>
/// <param name="Source">Short label the model sees for the passage, such as "Handbook > Leave (p. 3)".</param>
public sealed record ContextPassage(string Source, string Text)
{
    /// <summary>Labels the chunk with its title (or path), heading path and page.</summary>
    public static ContextPassage FromChunk(Chunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        var label = string.IsNullOrWhiteSpace(chunk.Title) ? chunk.SourcePath : chunk.Title;
        if (!string.IsNullOrWhiteSpace(chunk.HeadingPath))
        {
            label += " > " + chunk.HeadingPath;
        }

        if (chunk.Page is { } page)
        {
            label += $" (p. {page})";
        }

        return new ContextPassage(label, chunk.Text);
    }
}
