using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RagPlatform.Experiments.Definition;

/// <summary>
/// Reads the fields of one object of an experiment file. Field names match case-insensitively; every problem is
/// collected with the field's path (such as "retrieval[1].topK") so the whole file is checked in one pass.
/// </summary>
internal sealed class FieldReader
{
    private readonly Dictionary<string, JsonNode?> _fields = new(StringComparer.OrdinalIgnoreCase);
    private readonly string _path;
    private readonly List<string> _problems;

    public FieldReader(JsonObject node, string path, List<string> problems, IReadOnlyCollection<string> knownFields)
    {
        _path = path;
        _problems = problems;
        foreach (var (key, value) in node)
        {
            if (knownFields.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                _fields[key] = value;
            }
            else
            {
                Report(key, $"unknown field; valid fields here: {string.Join(", ", knownFields)}");
            }
        }
    }

    public string FieldPath(string name) => _path.Length == 0 ? name : $"{_path}.{name}";

    public void Report(string name, string problem) => _problems.Add($"{FieldPath(name)}: {problem}");

    public bool Has(string name) => _fields.TryGetValue(name, out var value) && value is not null;

    public string? String(string name, bool required = false)
    {
        if (!Has(name))
        {
            if (required)
            {
                Report(name, "is required");
            }

            return null;
        }

        var node = _fields[name]!;
        if (node.GetValueKind() is not (JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False))
        {
            Report(name, "expected a single value, not a list or a mapping");
            return null;
        }

        var text = Scalar(node).Trim();
        if (text.Length == 0)
        {
            Report(name, "is empty");
            return null;
        }

        return text;
    }

    public long? Integer(string name, long minimum, long maximum)
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < minimum || value > maximum)
        {
            Report(name, $"expected a whole number from {minimum} to {maximum}, got '{text}'");
            return null;
        }

        return value;
    }

    public double? Number(string name, double minimum, double maximum)
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value < minimum || value > maximum)
        {
            Report(name, string.Create(CultureInfo.InvariantCulture, $"expected a number from {minimum} to {maximum}, got '{text}'"));
            return null;
        }

        return value;
    }

    public bool? Boolean(string name)
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        if (!bool.TryParse(text, out var value))
        {
            Report(name, $"expected true or false, got '{text}'");
            return null;
        }

        return value;
    }

    /// <summary>A single value, or a list of values joined with commas (as prompt requirements are written).</summary>
    public string? StringOrList(string name)
    {
        if (Has(name) && _fields[name] is JsonArray list)
        {
            var items = list.Select(item => item is null ? "" : Scalar(item).Trim()).ToList();
            if (items.Count == 0 || items.Any(item => item.Length == 0 || item.Contains(',', StringComparison.Ordinal)))
            {
                Report(name, "expected a non-empty list of names");
                return null;
            }

            return string.Join(",", items);
        }

        return String(name);
    }

    public JsonArray? Array(string name)
    {
        if (!Has(name))
        {
            return null;
        }

        if (_fields[name] is JsonArray array)
        {
            return array;
        }

        Report(name, "expected a list (one '- ' entry per variant)");
        return null;
    }

    /// <summary>A mapping flattened to configuration keys ("Generation:Temperature" → "0.7").</summary>
    public IReadOnlyDictionary<string, string>? Settings(string name)
    {
        if (!Has(name))
        {
            return null;
        }

        if (_fields[name] is not JsonObject mapping || mapping.Count == 0)
        {
            Report(name, "expected a mapping of settings, such as 'Path: models/my-model'");
            return null;
        }

        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        Flatten(mapping, "", settings);
        return settings;
    }

    private static void Flatten(JsonNode? node, string prefix, Dictionary<string, string> settings)
    {
        switch (node)
        {
            case JsonObject mapping:
                foreach (var (key, value) in mapping)
                {
                    Flatten(value, prefix.Length == 0 ? key : $"{prefix}:{key}", settings);
                }

                break;
            case JsonArray list:
                for (var index = 0; index < list.Count; index++)
                {
                    Flatten(list[index], string.Create(CultureInfo.InvariantCulture, $"{prefix}:{index}"), settings);
                }

                break;
            case null:
                break;
            default:
                settings[prefix] = Scalar(node);
                break;
        }
    }

    private static string Scalar(JsonNode node) =>
        node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();
}
