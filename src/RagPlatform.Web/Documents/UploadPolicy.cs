using System.Globalization;
using System.Text;

namespace RagPlatform.Web.Documents;

/// <summary>
/// What the upload form accepts: files no larger than Ingestion:MaxFileBytes with an extension ingestion can read.
/// The client's file name is only ever a display label; it is reduced to a plain file name here and never used as a
/// path.
/// </summary>
public sealed record UploadPolicy(long MaxFileBytes, IReadOnlyList<string> AllowedExtensions)
{
    /// <summary>Most files one upload takes, so one request cannot queue unbounded work.</summary>
    public const int MaxFilesPerUpload = 20;

    public const int MaxDisplayNameLength = 100;

    private const string FallbackName = "upload";

    /// <summary>The extensions as an "accept" attribute value for the file input.</summary>
    public string AcceptAttribute => string.Join(',', AllowedExtensions);

    public UploadCheck Check(string clientFileName, long size)
    {
        var name = ToDisplayName(clientFileName);
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (!AllowedExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
        {
            var found = extension.Length == 0 ? "has no file extension" : $"is a {extension} file";
            return UploadCheck.Rejected(name, $"'{name}' {found}; the documents page accepts {string.Join(", ", AllowedExtensions)}.");
        }

        if (size <= 0)
        {
            return UploadCheck.Rejected(name, $"'{name}' is empty.");
        }

        if (size > MaxFileBytes)
        {
            return UploadCheck.Rejected(
                name,
                $"'{name}' is {ByteSizes.Format(size)}; the limit is {ByteSizes.Format(MaxFileBytes)} (setting Ingestion:MaxFileBytes).");
        }

        return new UploadCheck(name, extension, null);
    }

    /// <summary>
    /// The last segment of a client-supplied name with path separators, control, formatting (such as right-to-left
    /// overrides that disguise an extension) and reserved characters removed, shortened but keeping its extension.
    /// </summary>
    public static string ToDisplayName(string? clientFileName)
    {
        var leaf = (clientFileName ?? string.Empty).Replace('\\', '/').Split('/')[^1];
        var cleaned = new StringBuilder(leaf.Length);
        foreach (var c in leaf)
        {
            var category = char.GetUnicodeCategory(c);
            if (category is not (UnicodeCategory.Control or UnicodeCategory.Format) && "<>:\"|?*".IndexOf(c) < 0)
            {
                cleaned.Append(c);
            }
        }

        var name = cleaned.ToString().Trim().Trim('.').Trim();
        if (name.Length > MaxDisplayNameLength)
        {
            var extension = Path.GetExtension(name);
            extension = extension.Length < 16 ? extension : string.Empty;
            name = string.Concat(name.AsSpan(0, MaxDisplayNameLength - extension.Length).TrimEnd(), extension);
        }

        return name.Length == 0 ? FallbackName : name;
    }
}

/// <summary>The verdict on one selected file.</summary>
/// <param name="DisplayName">The sanitised name shown to users.</param>
/// <param name="Extension">Lower-case extension with the dot, for an accepted file.</param>
/// <param name="Error">Why the file was rejected and what to do; null when accepted.</param>
public sealed record UploadCheck(string DisplayName, string? Extension, string? Error)
{
    public bool IsAccepted => Error is null;

    internal static UploadCheck Rejected(string displayName, string error) => new(displayName, null, error);
}
