using System.Security.Cryptography;
using System.Text.Json;

namespace RagPlatform.Evaluation.Datasets;

/// <summary>A passage of the corpus that supports the gold answer, copied verbatim.</summary>
/// <param name="Source">Corpus path of the document it comes from, or empty when the dataset does not say.</param>
public sealed record QaPassage(string Source, string Text);

/// <summary>One question of a QA dataset.</summary>
/// <param name="Answers">Acceptable gold answers; empty for unanswerable questions.</param>
/// <param name="Passages">Gold evidence passages; retrieval metrics are computed only when there are some.</param>
/// <param name="Answerable">False when the corpus does not contain the answer and the system should abstain.</param>
/// <param name="Language">"id", "en", … as labelled in the dataset, or null.</param>
public sealed record QaItem(
    string Id,
    string Question,
    IReadOnlyList<string> Answers,
    IReadOnlyList<QaPassage> Passages,
    bool Answerable,
    string? Language,
    IReadOnlyList<string> Tags);

/// <summary>
/// A question-answering dataset read from JSON lines, one object per line:
/// <c>{"id":"q001","question":"…","answers":["…"],"passages":[{"source":"corpus/en/x.md","text":"…"}],"answerable":true,"language":"id","tags":["attention"]}</c>.
/// <c>id</c> and <c>question</c> are required; <c>answerable</c> defaults to "has answers"; blank lines are skipped.
/// </summary>
/// <param name="Sha256">Lower-case hex SHA-256 of the file, recorded in runs so results name their exact data.</param>
public sealed record QaDataset(string Name, string SourcePath, string Sha256, IReadOnlyList<QaItem> Items)
{
    public static async Task<QaDataset> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var items = new List<QaItem>();
        var firstLineById = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var line in JsonLines.ReadAsync(path, cancellationToken).ConfigureAwait(false))
        {
            var item = ParseItem(line);
            if (!firstLineById.TryAdd(item.Id, line.LineNumber))
            {
                throw line.Error($"duplicate id '{item.Id}' (first used on line {firstLineById[item.Id]})");
            }

            items.Add(item);
        }

        if (items.Count == 0)
        {
            throw new DatasetFormatException(path, null, "contains no questions; expected one JSON object per line");
        }

        return new QaDataset(Path.GetFileNameWithoutExtension(path), Path.GetFullPath(path), await HashFileAsync(path, cancellationToken).ConfigureAwait(false), items);
    }

    internal static async Task<string> HashFileAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
    }

    private static QaItem ParseItem(JsonLine line)
    {
        var id = line.RequiredString("id");
        var question = line.RequiredString("question");
        var answers = line.OptionalStringArray("answers");
        var answerable = line.OptionalBoolean("answerable") ?? answers.Count > 0;
        if (answerable && answers.Count == 0)
        {
            throw line.Error("'answerable' is true but 'answers' is empty; add at least one gold answer or set \"answerable\": false");
        }

        var passages = line.OptionalArray("passages").Select((passage, index) => ParsePassage(line, passage, index)).ToList();
        var language = line.OptionalString("language");
        return new QaItem(id, question, answers, passages, answerable, string.IsNullOrWhiteSpace(language) ? null : language.Trim().ToLowerInvariant(), line.OptionalStringArray("tags"));
    }

    private static QaPassage ParsePassage(JsonLine line, JsonElement passage, int index)
    {
        if (passage.ValueKind != JsonValueKind.Object)
        {
            throw line.Error($"'passages[{index}]' must be an object with 'source' and 'text'");
        }

        var text = passage.TryGetProperty("text", out var textElement) && textElement.ValueKind == JsonValueKind.String ? textElement.GetString() : null;
        if (string.IsNullOrWhiteSpace(text))
        {
            throw line.Error($"'passages[{index}]' is missing 'text'");
        }

        var source = passage.TryGetProperty("source", out var sourceElement) && sourceElement.ValueKind == JsonValueKind.String ? sourceElement.GetString() : null;
        return new QaPassage(source ?? "", text);
    }
}
