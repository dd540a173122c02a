using System.Text.Json;
using System.Text.Json.Serialization;

namespace RagPlatform.Cli.Rendering;

/// <summary>The --json format: indented camelCase JSON with enums as strings, one document per command.</summary>
internal static class JsonOutput
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static void Write<T>(TextWriter writer, T value)
    {
        writer.WriteLine(JsonSerializer.Serialize(value, Options));
        writer.Flush();
    }
}
