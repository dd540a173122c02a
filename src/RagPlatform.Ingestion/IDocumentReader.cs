namespace RagPlatform.Ingestion;

/// <summary>Extracts structured text from one file format.</summary>
public interface IDocumentReader
{
    /// <summary>Short format name stored with the document: txt, md, html, pdf or docx.</summary>
    string Format { get; }

    /// <summary>File extensions this reader handles, lower case with the leading dot (".md").</summary>
    IReadOnlyCollection<string> Extensions { get; }

    /// <exception cref="InvalidDocumentException">The content is not a readable document of this format.</exception>
    Task<ExtractedDocument> ReadAsync(Stream content, string sourcePath, CancellationToken cancellationToken);
}

/// <summary>A document as a reader sees it: a title and its text blocks in reading order.</summary>
public sealed record ExtractedDocument(string Title, IReadOnlyList<DocumentBlock> Blocks);

/// <summary>A paragraph, list item, table row or code block.</summary>
/// <param name="HeadingPath">Headings above the block joined with " > ", or empty.</param>
/// <param name="Page">1-based page for paginated formats, otherwise null.</param>
public sealed record DocumentBlock(string Text, string HeadingPath, int? Page);
