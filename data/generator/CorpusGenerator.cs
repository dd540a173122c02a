using RagPlatform.SampleCorpus.Formats;
using RagPlatform.SampleCorpus.Sources;

namespace RagPlatform.SampleCorpus;

/// <summary>
/// Converts every "name.format.md" file under the source folder into "name.format" at the same relative path
/// under the output folder, then verifies the written file.
/// </summary>
internal sealed class CorpusGenerator(IReadOnlyList<ICorpusFormat> formats)
{
    private const string SourceExtension = ".md";

    public IReadOnlyList<GeneratedDocument> Generate(string sourceDirectory, string outputDirectory)
    {
        if (!Directory.Exists(sourceDirectory))
        {
            throw new DirectoryNotFoundException($"Source folder '{sourceDirectory}' does not exist.");
        }

        var sources = Directory.EnumerateFiles(sourceDirectory, "*" + SourceExtension, SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (sources.Length == 0)
        {
            throw new InvalidDataException($"Source folder '{sourceDirectory}' contains no '*{SourceExtension}' files.");
        }

        return sources.Select(source => Generate(source, sourceDirectory, outputDirectory)).ToArray();
    }

    private GeneratedDocument Generate(string sourcePath, string sourceDirectory, string outputDirectory)
    {
        var relativeOutput = Path.GetRelativePath(sourceDirectory, sourcePath)[..^SourceExtension.Length];
        var extension = Path.GetExtension(relativeOutput).TrimStart('.');
        var format = formats.FirstOrDefault(candidate => candidate.Extension.Equals(extension, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidDataException(
                $"{sourcePath}: name the source '<name>.<format>.md' with format one of: "
                + string.Join(", ", formats.Select(candidate => candidate.Extension)) + ".");

        var document = SourceParser.Parse(sourcePath);
        var outputPath = Path.Combine(outputDirectory, relativeOutput);
        Directory.CreateDirectory(Path.GetDirectoryName(outputPath)!);

        format.Write(document, outputPath);
        var verification = format.Verify(document, outputPath);
        return new GeneratedDocument(sourcePath, outputPath, verification);
    }
}
