namespace RagPlatform.Core.Documents;

/// <summary>
/// The rules for <see cref="DocumentInfo.Tags"/> and <see cref="DocumentInfo.Metadata"/>, shared by every front end
/// that accepts them and every store that indexes them. Tags are free text; metadata keys are restricted to
/// ASCII letters, digits, '_' and '-' so that every store can address them as a field name.
/// </summary>
public static class DocumentLabels
{
    public const int MaxTags = 32;
    public const int MaxTagLength = 100;
    public const int MaxMetadataEntries = 32;
    public const int MaxMetadataKeyLength = 64;
    public const int MaxMetadataValueLength = 200;

    /// <summary>Trimmed, distinct (ordinal) tags in the order given.</summary>
    /// <param name="field">How the caller named the input (e.g. "--tag" or "tags"), for the error message.</param>
    /// <exception cref="ArgumentException">An empty, too long or control-character tag, or too many tags.</exception>
    public static IReadOnlyList<string> NormalizeTags(IEnumerable<string?> tags, string field)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var normalized = new List<string>();
        foreach (var raw in tags)
        {
            var tag = raw?.Trim() ?? string.Empty;
            RequireText(tag, field, "tag", MaxTagLength);
            if (!normalized.Contains(tag, StringComparer.Ordinal))
            {
                normalized.Add(tag);
            }
        }

        if (normalized.Count > MaxTags)
        {
            throw new ArgumentException($"{field}: {normalized.Count} tags were given; at most {MaxTags} are allowed per document.", field);
        }

        return normalized;
    }

    /// <summary>Checked metadata with trimmed keys and values.</summary>
    /// <exception cref="ArgumentException">A malformed key or value, a repeated key, or too many entries.</exception>
    public static IReadOnlyDictionary<string, string> NormalizeMetadata(IEnumerable<KeyValuePair<string, string>> entries, string field)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var normalized = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (rawKey, rawValue) in entries)
        {
            var key = rawKey?.Trim() ?? string.Empty;
            var value = rawValue?.Trim() ?? string.Empty;
            RequireKey(key, field);
            RequireText(value, field, $"value of metadata key '{key}'", MaxMetadataValueLength);
            if (!normalized.TryAdd(key, value))
            {
                throw new ArgumentException($"{field}: metadata key '{key}' is given twice; give each key once.", field);
            }
        }

        if (normalized.Count > MaxMetadataEntries)
        {
            throw new ArgumentException(
                $"{field}: {normalized.Count} metadata entries were given; at most {MaxMetadataEntries} are allowed per document.", field);
        }

        return normalized;
    }

    /// <summary>Parses "key=value" entries (split at the first '=') and checks them like <see cref="NormalizeMetadata"/>.</summary>
    public static IReadOnlyDictionary<string, string> ParseMetadata(IEnumerable<string?> entries, string field)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return NormalizeMetadata(entries.Select(entry => ParseEntry(entry, field)), field);
    }

    /// <summary>True when <paramref name="key"/> is a valid metadata key (see <see cref="DocumentLabels"/>).</summary>
    public static bool IsValidMetadataKey(string key) =>
        key.Length is > 0 and <= MaxMetadataKeyLength && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    private static KeyValuePair<string, string> ParseEntry(string? entry, string field)
    {
        var separator = entry?.IndexOf('=', StringComparison.Ordinal) ?? -1;
        if (separator < 0)
        {
            throw new ArgumentException($"{field}: '{entry}' is not of the form key=value (e.g. owner=tim).", field);
        }

        return new KeyValuePair<string, string>(entry![..separator], entry[(separator + 1)..]);
    }

    private static void RequireKey(string key, string field)
    {
        if (!IsValidMetadataKey(key))
        {
            throw new ArgumentException(
                $"{field}: metadata key '{key}' is invalid; use 1 to {MaxMetadataKeyLength} ASCII letters, digits, '_' or '-' (e.g. owner, course_id).",
                field);
        }
    }

    private static void RequireText(string text, string field, string what, int maxLength)
    {
        if (text.Length == 0)
        {
            throw new ArgumentException($"{field}: a {what} is empty; give a non-empty text.", field);
        }

        if (text.Length > maxLength)
        {
            throw new ArgumentException($"{field}: the {what} '{text[..20]}…' is {text.Length} characters long; the limit is {maxLength}.", field);
        }

        if (text.Any(char.IsControl))
        {
            throw new ArgumentException($"{field}: the {what} '{new string([.. text.Select(c => char.IsControl(c) ? '?' : c)])}' contains a control character (shown as '?': newline, tab, …); remove it.", field);
        }
    }
}
