using RagPlatform.SampleCorpus.Sources;

namespace RagPlatform.SampleCorpus.Formats;

/// <summary>An output format of the sample corpus, chosen by the inner extension of a source ("x.pdf.md").</summary>
internal interface ICorpusFormat
{
    /// <summary>The output file extension without the dot, for example "pdf".</summary>
    string Extension { get; }

    void Write(SourceDocument document, string outputPath);

    /// <summary>
    /// Reads the written file back and throws <see cref="InvalidDataException"/> when its text or structure differs
    /// from the source; returns a one-line description of what was checked.
    /// </summary>
    string Verify(SourceDocument document, string outputPath);
}
