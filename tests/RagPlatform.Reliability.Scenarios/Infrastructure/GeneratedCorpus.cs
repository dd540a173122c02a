using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RagPlatform.Reliability.Infrastructure;

/// <summary>
/// Markdown documents generated from a seed: each has a title, a few sections and sentences drawn from a fixed
/// vocabulary plus words unique to the document, so keyword searches find some documents and not others.
/// </summary>
public sealed class GeneratedCorpus
{
    private static readonly string[] Vocabulary =
    [
        "attention", "token", "embedding", "retrieval", "passage", "chunk", "index", "query", "answer", "citation",
        "model", "layer", "vector", "training", "corpus", "language", "prompt", "context", "window", "decoder",
        "encoder", "softmax", "gradient", "dataset", "evaluation", "latency", "memory", "cache", "transformer", "weight",
    ];

    private GeneratedCorpus(string folder, IReadOnlyDictionary<string, string> hashesBySourcePath)
    {
        Folder = folder;
        HashesBySourcePath = hashesBySourcePath;
    }

    /// <summary>The folder as ingestion names it: absolute, with '/' separators.</summary>
    public string Folder { get; }

    /// <summary>SHA-256 (lower-case hex) of each file, by the source path ingestion stores for it.</summary>
    public IReadOnlyDictionary<string, string> HashesBySourcePath { get; }

    public static IReadOnlyList<string> SearchWords => Vocabulary;

    public static GeneratedCorpus Write(string folder, int documents, int seed, int sectionsPerDocument = 4)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(seed);
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < documents; i++)
        {
            var text = Document(random, i, sectionsPerDocument);
            var path = Path.Combine(folder, $"doc-{i.ToString("D5", CultureInfo.InvariantCulture)}.md");
            var bytes = Encoding.UTF8.GetBytes(text);
            File.WriteAllBytes(path, bytes);
            hashes[SourcePath(path)] = Convert.ToHexStringLower(SHA256.HashData(bytes));
        }

        return new GeneratedCorpus(SourcePath(folder), hashes);
    }

    private static string SourcePath(string path) => Path.GetFullPath(path).Replace(Path.DirectorySeparatorChar, '/');

    private static string Document(Random random, int number, int sections)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Generated note {number}\n\n");
        for (var section = 0; section < sections; section++)
        {
            text.Append(CultureInfo.InvariantCulture, $"## Part {section + 1}\n\n");
            for (var sentence = 0; sentence < 8; sentence++)
            {
                var words = Enumerable.Range(0, 14).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]).ToList();
                words.Insert(random.Next(words.Count), $"note{number}x{section}");
                var line = string.Join(' ', words);
                text.Append(char.ToUpperInvariant(line[0])).Append(line.AsSpan(1)).Append(". ");
            }

            text.Append("\n\n");
        }

        return text.ToString();
    }
}
