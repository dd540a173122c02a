using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace RagPlatform.Evaluation.Hallucination;

/// <summary>One verdict read from a judge reply; <see cref="Statement"/> is 1-based.</summary>
internal sealed record JudgeVerdict(int Statement, bool Supported, string? Reason);

/// <summary>
/// Reads per-statement verdicts from an LLM reply that should be JSON but often is not quite: code fences, prose
/// around the JSON, a bare array instead of an object, numbers as strings, "yes"/"1"/true/"supported" for the same
/// thing. When no JSON can be found, "1: yes"-style lines are accepted.
/// </summary>
internal static partial class JudgeVerdictParser
{
    private static readonly string[] ListProperties = ["verdicts", "statements", "results", "claims", "items"];
    private static readonly string[] IndexProperties = ["statement", "index", "id", "number", "statement_id", "claim"];
    private static readonly string[] VerdictProperties = ["verdict", "supported", "faithful", "label", "answer", "grounded"];
    private static readonly string[] ReasonProperties = ["reason", "explanation", "rationale"];

    public static IReadOnlyList<JudgeVerdict> Parse(string reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return TryParseJson(reply) ?? ParseLines(reply);
    }

    private static List<JudgeVerdict>? TryParseJson(string reply)
    {
        for (var start = reply.IndexOfAny(['{', '[']); start >= 0; start = reply.IndexOfAny(['{', '['], start + 1))
        {
            if (TryReadValue(reply[start..]) is { } root && ReadVerdicts(root) is { Count: > 0 } verdicts)
            {
                return verdicts;
            }
        }

        return null;
    }

    /// <summary>Reads the first complete JSON value and ignores whatever follows it.</summary>
    private static JsonElement? TryReadValue(string text)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text), new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        try
        {
            return JsonElement.ParseValue(ref reader);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static List<JudgeVerdict>? ReadVerdicts(JsonElement root)
    {
        var list = root.ValueKind switch
        {
            JsonValueKind.Array => root,
            JsonValueKind.Object => ListProperties.Select(name => Property(root, name)).FirstOrDefault(value => value?.ValueKind == JsonValueKind.Array),
            _ => null,
        };
        if (list is null)
        {
            return null;
        }

        var verdicts = new List<JudgeVerdict>();
        var position = 0;
        foreach (var entry in list.Value.EnumerateArray())
        {
            position++;
            var verdict = entry.ValueKind == JsonValueKind.Object
                ? ReadVerdict(VerdictProperties.Select(name => Property(entry, name)).FirstOrDefault(value => value is not null))
                : ReadVerdict(entry);
            if (verdict is null)
            {
                continue;
            }

            var index = entry.ValueKind == JsonValueKind.Object
                ? IndexProperties.Select(name => ReadIndex(Property(entry, name))).FirstOrDefault(value => value is not null) ?? position
                : position;
            var reason = entry.ValueKind == JsonValueKind.Object
                ? ReasonProperties.Select(name => Property(entry, name)).FirstOrDefault(value => value?.ValueKind == JsonValueKind.String)?.GetString()
                : null;
            verdicts.Add(new JudgeVerdict(index, verdict.Value, reason));
        }

        return verdicts;
    }

    private static JsonElement? Property(JsonElement element, string name)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    private static int? ReadIndex(JsonElement? value) => value?.ValueKind switch
    {
        JsonValueKind.Number when value.Value.TryGetInt32(out var number) => number,
        JsonValueKind.String when int.TryParse(value.Value.GetString()?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) => number,
        _ => null,
    };

    private static bool? ReadVerdict(JsonElement? value) => value?.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number when value.Value.TryGetInt32(out var number) && number is 0 or 1 => number == 1,
        JsonValueKind.String => ReadVerdictWord(value.Value.GetString()),
        _ => null,
    };

    private static bool? ReadVerdictWord(string? word) => word?.Trim().ToLowerInvariant() switch
    {
        "yes" or "y" or "1" or "true" or "supported" or "faithful" or "grounded" or "ya" => true,
        "no" or "n" or "0" or "false" or "unsupported" or "not supported" or "unfaithful" or "ungrounded" or "contradicted" or "tidak" => false,
        _ => null,
    };

    private static List<JudgeVerdict> ParseLines(string reply) =>
        VerdictLine().Matches(reply)
            .Select(match => (Index: int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture), Verdict: ReadVerdictWord(match.Groups["verdict"].Value)))
            .Where(line => line.Verdict is not null)
            .Select(line => new JudgeVerdict(line.Index, line.Verdict!.Value, null))
            .ToList();

    [GeneratedRegex(@"(?im)^\W*(?:statement|claim)?\s*(?<index>\d{1,3})\s*[:.)\-]\s*(?<verdict>yes|no|supported|unsupported|true|false)\b")]
    private static partial Regex VerdictLine();
}
