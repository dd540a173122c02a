using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace RagPlatform.Prompts.Loading;

/// <summary>Reads a library YAML file into its document type, reporting syntax errors and unknown fields by line.</summary>
internal static class YamlFile
{
    private const string NodeTypeMismatch = "deserialize the node into type ";
    private const string CastTarget = "' to '";

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    /// <returns>The document, or null after reporting why it could not be read.</returns>
    public static async Task<T?> ReadAsync<T>(string path, LoadProblems problems, CancellationToken cancellationToken)
        where T : class
    {
        var relative = problems.Relative(path);
        var yaml = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        try
        {
            var document = Deserializer.Deserialize<T?>(yaml);
            if (document is null)
            {
                problems.Report(relative, "the file is empty.");
            }

            return document;
        }
        catch (YamlException exception)
        {
            problems.Report(relative, $"invalid YAML at line {exception.Start.Line}, column {exception.Start.Column}: {Describe(exception)}");
            return null;
        }
    }

    private static string Describe(YamlException exception)
    {
        // YamlDotNet words its errors in terms of the internal document types; users know YAML keys and values.
        var cause = exception.InnerException ?? exception;
        var message = cause.Message;
        var positionEnd = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line:", StringComparison.Ordinal) && positionEnd >= 0)
        {
            message = message[(positionEnd + 3)..];
        }

        var unknownField = message.IndexOf(" not found on type ", StringComparison.Ordinal);
        if (unknownField >= 0)
        {
            return $"unknown field {message[..unknownField].Replace("Property ", string.Empty)}.";
        }

        var expectedType = TextAfter(message, NodeTypeMismatch) ?? (cause is InvalidCastException ? TextAfter(message, CastTarget) : null);
        return expectedType is null ? message : $"this value has the wrong shape; expected {DescribeType(expectedType)}.";
    }

    private static string? TextAfter(string text, string marker)
    {
        var index = text.IndexOf(marker, StringComparison.Ordinal);
        return index >= 0 ? text[(index + marker.Length)..] : null;
    }

    private static string DescribeType(string typeName) => typeName switch
    {
        _ when typeName.StartsWith("System.String", StringComparison.Ordinal) => "plain text",
        _ when typeName.StartsWith("System.Boolean", StringComparison.Ordinal) => "true or false",
        _ when typeName.StartsWith("System.Collections.Generic.Dictionary", StringComparison.Ordinal) => "a mapping such as 'en: ...' and 'id: ...'",
        _ when typeName.StartsWith("System.Collections.Generic.List", StringComparison.Ordinal) => "a list such as [a, b]",
        _ => "a different kind of value",
    };
}
