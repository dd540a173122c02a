using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using RagPlatform.Rag.Hosting;

namespace RagPlatform.Api.Rag;

/// <summary>
/// Keeps uploaded files under &lt;store&gt;/uploads/&lt;content hash&gt;/&lt;safe name&gt;. The client's name is reduced
/// to a plain file name of safe characters (never a path), and the folder comes from the content, so uploading the
/// same file again finds it unchanged while a different file with the same name gets its own document.
/// </summary>
internal sealed class UploadStore(IOptions<StoreOptions> storeOptions)
{
    internal const string FolderName = "uploads";
    private const int MaxNameLength = 100;
    private const int HashFolderLength = 16;

    public string Root { get; } = Path.Combine(Path.GetFullPath(storeOptions.Value.Path), FolderName);

    /// <summary>
    /// The client's file name reduced to ASCII letters, digits, '.', '-' and '_': accents are dropped ("näme" → "name"),
    /// everything else becomes '_'.
    /// </summary>
    public static string SafeFileName(string? clientFileName)
    {
        // Browsers on Windows may send a full path; only its last segment is a name.
        var name = (clientFileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var safe = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                safe.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
            }
        }

        var extension = Path.GetExtension(safe.ToString());
        var stem = Path.GetFileNameWithoutExtension(safe.ToString()).Trim('.', '_');
        if (stem.Length == 0)
        {
            stem = "upload";
        }

        var maxStem = Math.Max(1, MaxNameLength - extension.Length);
        return (stem.Length > maxStem ? stem[..maxStem] : stem) + extension.ToLowerInvariant();
    }

    /// <summary>Copies <paramref name="content"/> into the store and returns the full path it was saved at.</summary>
    public async Task<string> SaveAsync(Stream content, string safeFileName, CancellationToken cancellationToken)
    {
        var incoming = Path.Combine(Root, ".incoming");
        Directory.CreateDirectory(incoming);
        var temporary = Path.Combine(incoming, $"{Guid.NewGuid():N}.part");
        try
        {
            string hash;
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    sha.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }

                hash = Convert.ToHexStringLower(sha.GetHashAndReset())[..HashFolderLength];
            }

            var folder = Path.Combine(Root, hash);
            Directory.CreateDirectory(folder);
            var destination = Path.Combine(folder, safeFileName);
            File.Move(temporary, destination, overwrite: true);
            return destination;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public bool Holds(string sourcePath) =>
        Path.GetFullPath(sourcePath).StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>Deletes an uploaded file and its folder once empty; paths outside the upload folder are left alone.</summary>
    public void Delete(string sourcePath)
    {
        if (!Holds(sourcePath))
        {
            return;
        }

        var fullPath = Path.GetFullPath(sourcePath);
        File.Delete(fullPath);
        var folder = Path.GetDirectoryName(fullPath)!;
        if (folder != Root && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
        }
    }
}
