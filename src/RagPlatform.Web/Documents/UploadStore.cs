using System.Globalization;
using RagPlatform.Web.Data;

namespace RagPlatform.Web.Documents;

/// <summary>
/// Keeps uploaded files under &lt;store&gt;/uploads with names the server generates, and remembers each file's
/// sanitised original name as its label. Uploading a file with the same label again replaces the earlier file, so
/// re-ingestion updates that document instead of adding a copy.
/// </summary>
internal sealed class UploadStore(WebDatabase database, WebDataPaths paths, TimeProvider clock)
{
    private const int CopyBufferBytes = 81920;

    /// <summary>Writes <paramref name="content"/> to the uploads folder.</summary>
    /// <returns>The full path of the saved file, to hand to ingestion.</returns>
    /// <exception cref="IOException">The content is longer than <paramref name="maxBytes"/>; nothing is kept.</exception>
    public async Task<string> SaveAsync(UploadCheck accepted, Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        ArgumentNullException.ThrowIfNull(content);
        if (!accepted.IsAccepted)
        {
            throw new ArgumentException($"'{accepted.DisplayName}' was rejected and cannot be saved: {accepted.Error}", nameof(accepted));
        }

        Directory.CreateDirectory(paths.UploadsDirectory);
        var storedName = await FindStoredNameAsync(accepted.DisplayName, cancellationToken)
            ?? string.Create(CultureInfo.InvariantCulture, $"{Guid.NewGuid():N}{accepted.Extension}");
        var target = Path.Combine(paths.UploadsDirectory, storedName);
        var partial = Path.Combine(paths.UploadsDirectory, $"{Guid.NewGuid():N}.part");
        try
        {
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, CopyBufferBytes, useAsync: true))
            {
                await CopyAtMostAsync(content, file, maxBytes, accepted.DisplayName, cancellationToken);
            }

            File.Move(partial, target, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            """
            INSERT INTO uploads (stored_name, display_name, uploaded_at) VALUES ($stored, $display, $now)
            ON CONFLICT (stored_name) DO UPDATE SET uploaded_at = excluded.uploaded_at
            """,
            ("$stored", storedName), ("$display", accepted.DisplayName), ("$now", clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)));
        await command.ExecuteNonQueryAsync(cancellationToken);
        return target;
    }

    /// <summary>Labels of uploaded files by their full path ('/' separators, as ingestion records source paths).</summary>
    public async Task<IReadOnlyDictionary<string, string>> GetDisplayNamesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT stored_name, display_name FROM uploads");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            names[NormalizePath(Path.Combine(paths.UploadsDirectory, reader.GetString(0)))] = reader.GetString(1);
        }

        return names;
    }

    /// <summary>The label to show for a document: the original name of an upload, otherwise the source file name.</summary>
    public static string Label(string sourcePath, IReadOnlyDictionary<string, string> uploadNames) =>
        uploadNames.TryGetValue(NormalizePath(sourcePath), out var name) ? name : Path.GetFileName(sourcePath);

    /// <summary>Deletes the uploaded file behind <paramref name="sourcePath"/>; does nothing for other documents.</summary>
    public async Task ForgetAsync(string sourcePath, CancellationToken cancellationToken)
    {
        var fullPath = Path.GetFullPath(sourcePath);
        if (!string.Equals(Path.GetDirectoryName(fullPath), paths.UploadsDirectory, StringComparison.Ordinal))
        {
            return;
        }

        File.Delete(fullPath);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("DELETE FROM uploads WHERE stored_name = $stored", ("$stored", Path.GetFileName(fullPath)));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<string?> FindStoredNameAsync(string displayName, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT stored_name FROM uploads WHERE display_name = $display", ("$display", displayName));
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    private static async Task CopyAtMostAsync(Stream source, Stream target, long maxBytes, string displayName, CancellationToken cancellationToken)
    {
        var buffer = new byte[CopyBufferBytes];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > maxBytes)
            {
                throw new IOException($"'{displayName}' is larger than the limit of {ByteSizes.Format(maxBytes)} (setting Ingestion:MaxFileBytes).");
            }

            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }

    private static string NormalizePath(string path) => Path.GetFullPath(path).Replace(Path.DirectorySeparatorChar, '/');
}
