using System.Text.Json;
using RagPlatform.Api.Errors;

namespace RagPlatform.Api.OpenAI;

/// <summary>Reads OpenAI's "a string or an array of strings" fields, naming the field in every error.</summary>
internal static class JsonFields
{
    /// <returns>The strings, or an empty list when the field is absent or null.</returns>
    public static IReadOnlyList<string> ReadStringOrArray(JsonElement? element, string param, int maxCount)
    {
        if (element is not { } value || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return [];
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return [value.GetString()!];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Invalid($"'{param}' must be a string or an array of strings, not {Describe(value)}.", param);
        }

        var count = value.GetArrayLength();
        if (count > maxCount)
        {
            throw Invalid($"'{param}' has {count} items; at most {maxCount} are accepted.", param);
        }

        var strings = new List<string>(count);
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                throw Invalid($"'{param}[{index}]' must be a string, not {Describe(item)}.", $"{param}[{index}]");
            }

            strings.Add(item.GetString()!);
            index++;
        }

        return strings;
    }

    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "a string",
    };

    public static ApiErrorException Invalid(string message, string param) => new(ApiError.InvalidRequest(message, param));
}
