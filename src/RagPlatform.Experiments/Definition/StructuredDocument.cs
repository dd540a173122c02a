using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RagPlatform.Experiments.Definition;

/// <summary>Reads a JSON or YAML file into one JSON tree, so both formats share one schema and one validator.</summary>
internal static class StructuredDocument
{
    private static readonly JsonDocumentOptions JsonOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <exception cref="ExperimentFileException">The text is not valid JSON/YAML (a key twice in one mapping included).</exception>
    public static JsonNode? Parse(string path, string text)
    {
        var isJson = Path.GetExtension(path).Equals(".json", StringComparison.OrdinalIgnoreCase);
        try
        {
            return isJson ? JsonNode.Parse(text, documentOptions: JsonOptions) : ParseYaml(path, text);
        }
        catch (JsonException exception)
        {
            throw new ExperimentFileException(path, [$"invalid JSON at line {exception.LineNumber + 1}: {exception.Message}"]);
        }
        catch (YamlException exception)
        {
            throw new ExperimentFileException(path, [$"invalid YAML at line {exception.Start.Line}, column {exception.Start.Column}: {(exception.InnerException ?? exception).Message}"]);
        }
    }

    private static JsonNode? ParseYaml(string path, string text)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(text))
        {
            stream.Load(reader);
        }

        return stream.Documents.Count == 0 ? null : Convert(path, stream.Documents[0].RootNode);
    }

    private static JsonNode? Convert(string path, YamlNode node) => node switch
    {
        YamlMappingNode mapping => ConvertMapping(path, mapping),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(child => Convert(path, child)).ToArray()),
        YamlScalarNode scalar => ConvertScalar(scalar),
        _ => throw new ExperimentFileException(path, [$"line {node.Start.Line}: unsupported YAML node"]),
    };

    private static JsonObject ConvertMapping(string path, YamlMappingNode mapping)
    {
        var result = new JsonObject();
        foreach (var (key, value) in mapping.Children)
        {
            var name = (key as YamlScalarNode)?.Value
                ?? throw new ExperimentFileException(path, [$"line {key.Start.Line}: keys must be plain names"]);
            // YamlDotNet already refuses a key that appears twice in one mapping.
            result[name] = Convert(path, value);
        }

        return result;
    }

    // Plain scalars follow the YAML core schema (null, booleans, numbers); quoted scalars are always text.
    private static JsonValue? ConvertScalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style is not ScalarStyle.Plain)
        {
            return JsonValue.Create(value);
        }

        return value switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) => JsonValue.Create(integer),
            _ when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) => JsonValue.Create(real),
            _ => JsonValue.Create(value),
        };
    }
}
