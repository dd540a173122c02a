using System.Runtime.CompilerServices;
using System.Text.Json;

namespace RagPlatform.Evaluation.Datasets;

/// <summary>Reads JSON-lines files one object per non-blank line, with field accessors that report the line.</summary>
internal static class JsonLines
{
    public static async IAsyncEnumerable<JsonLine> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Dataset file not found: {path}", path);
        }

        using var reader = new StreamReader(path);
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(line);
            }
            catch (JsonException exception)
            {
                throw new DatasetFormatException(path, lineNumber, $"not valid JSON ({exception.Message})");
            }

            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new DatasetFormatException(path, lineNumber, "expected one JSON object per line");
                }

                yield return new JsonLine(path, lineNumber, document.RootElement.Clone());
            }
        }
    }
}

internal sealed record JsonLine(string Path, int LineNumber, JsonElement Root)
{
    public DatasetFormatException Error(string problem) => new(Path, LineNumber, problem);

    public string RequiredString(string name)
    {
        if (!Root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw Error($"missing '{name}'");
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw Error($"'{name}' must be a string");
        }

        var text = value.GetString()!;
        return string.IsNullOrWhiteSpace(text) ? throw Error($"'{name}' is empty") : text;
    }

    public string? OptionalString(string name)
    {
        if (!Root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw Error($"'{name}' must be a string");
    }

    public bool? OptionalBoolean(string name)
    {
        if (!Root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Error($"'{name}' must be true or false"),
        };
    }

    public IReadOnlyList<string> OptionalStringArray(string name)
    {
        var items = OptionalArray(name);
        return items.Select((item, index) => item.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(item.GetString())
                ? item.GetString()!
                : throw Error($"'{name}[{index}]' must be a non-empty string"))
            .ToList();
    }

    public IReadOnlyList<JsonElement> OptionalArray(string name)
    {
        if (!Root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        return value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : throw Error($"'{name}' must be an array");
    }
}
