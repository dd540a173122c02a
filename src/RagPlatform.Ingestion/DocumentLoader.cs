using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RagPlatform.Ingestion;

/// <summary>
/// Finds the files under the given paths, validates them and reads each with the reader for its extension. Every
/// file yields exactly one <see cref="LoadResult"/>; a bad file is reported as a <see cref="LoadFailure"/> and never
/// stops the others. Sizes are checked before anything is read, and the content hash is computed before parsing so
/// that an <see cref="UnchangedCheck"/> can skip files that are already ingested.
/// </summary>
public sealed partial class DocumentLoader
{
    private readonly Dictionary<string, IDocumentReader> _readersByExtension;
    private readonly long _maxFileBytes;
    private readonly FileDiscovery _discovery;
    private readonly ILogger<DocumentLoader> _logger;

    public DocumentLoader(IEnumerable<IDocumentReader> readers, IOptions<IngestionOptions> options, ILogger<DocumentLoader> logger)
    {
        ArgumentNullException.ThrowIfNull(readers);
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        if (settings.MaxFileBytes <= 0)
        {
            throw new OptionsValidationException(
                nameof(IngestionOptions), typeof(IngestionOptions), [$"{IngestionOptions.SectionName}:{nameof(IngestionOptions.MaxFileBytes)} must be positive (got {settings.MaxFileBytes})"]);
        }

        var allReaders = new Dictionary<string, IDocumentReader>(StringComparer.OrdinalIgnoreCase);
        foreach (var reader in readers)
        {
            foreach (var extension in reader.Extensions)
            {
                allReaders[extension] = reader;
            }
        }

        _readersByExtension = settings.Extensions is null ? allReaders : SelectReaders(allReaders, settings.Extensions);
        _maxFileBytes = settings.MaxFileBytes;
        _logger = logger;
        _discovery = new FileDiscovery(_readersByExtension.ContainsKey, logger);
    }

    /// <summary>The extensions that are ingested, lower case with the leading dot, sorted.</summary>
    public IReadOnlyList<string> SupportedExtensions => [.. _readersByExtension.Keys.Order(StringComparer.Ordinal)];

    /// <summary>How many results <see cref="LoadAsync(IEnumerable{string}, CancellationToken)"/> will produce, for progress displays.</summary>
    public int CountFiles(IEnumerable<string> paths) =>
        _discovery.Discover(paths).DistinctBy(f => f.Failure is null ? Path.GetFullPath(f.SourcePath) : f.SourcePath).Count();

    public IAsyncEnumerable<LoadResult> LoadAsync(IEnumerable<string> paths, CancellationToken cancellationToken = default) =>
        LoadAsync(paths, isUnchanged: null, cancellationToken);

    /// <param name="paths">Files and folders; folders are searched recursively and only supported files in them are loaded.</param>
    /// <param name="isUnchanged">Consulted with each file's hash before parsing; files it accepts come back as <see cref="UnchangedDocument"/>.</param>
    public async IAsyncEnumerable<LoadResult> LoadAsync(
        IEnumerable<string> paths,
        UnchangedCheck? isUnchanged,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var found in _discovery.Discover(paths))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (found.Failure is not null)
            {
                yield return new LoadFailure(found.SourcePath, found.Failure);
            }
            else if (seen.Add(Path.GetFullPath(found.SourcePath)))
            {
                yield return await LoadFileAsync(found.SourcePath, isUnchanged, cancellationToken);
            }
        }
    }

    private async Task<LoadResult> LoadFileAsync(string sourcePath, UnchangedCheck? isUnchanged, CancellationToken cancellationToken)
    {
        var extension = Path.GetExtension(sourcePath);
        if (!_readersByExtension.TryGetValue(extension, out var reader))
        {
            var type = extension.Length == 0 ? "files without an extension are" : $"'{extension}' is";
            return new LoadFailure(
                sourcePath,
                $"unsupported file type: {type} not ingested; supported: {string.Join(", ", SupportedExtensions)} ({IngestionOptions.SectionName}:{nameof(IngestionOptions.Extensions)})");
        }

        FileStream stream;
        try
        {
            stream = OpenRead(sourcePath);
        }
        catch (UnauthorizedAccessException)
        {
            return new LoadFailure(sourcePath, "permission denied: this user cannot read the file; fix its permissions and retry");
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return new LoadFailure(sourcePath, "path not found: the file disappeared while ingesting");
        }
        catch (IOException exception)
        {
            return new LoadFailure(sourcePath, $"could not be opened ({exception.Message}); check the disk and retry");
        }

        await using (stream)
        {
            return await ReadFileAsync(stream, sourcePath, reader, isUnchanged, cancellationToken);
        }
    }

    private async Task<LoadResult> ReadFileAsync(FileStream stream, string sourcePath, IDocumentReader reader, UnchangedCheck? isUnchanged, CancellationToken cancellationToken)
    {
        try
        {
            var size = stream.Length;
            if (SizeProblem(size) is { } problem)
            {
                return new LoadFailure(sourcePath, problem);
            }

            var hash = await HashAsync(stream, cancellationToken);
            if (isUnchanged is not null && await isUnchanged(sourcePath, hash, cancellationToken))
            {
                return new UnchangedDocument(sourcePath, reader.Format, hash, size);
            }

            stream.Position = 0;
            var content = DocumentContent.Create(await reader.ReadAsync(stream, sourcePath, cancellationToken));
            if (content.Text.Length == 0)
            {
                return new LoadFailure(sourcePath, $"no extractable text: the {reader.Format} file contains no readable text; nothing to ingest");
            }

            return new LoadedDocument(sourcePath, reader.Format, hash, size, content);
        }
        catch (InvalidDocumentException exception)
        {
            return new LoadFailure(sourcePath, exception.Reason);
        }
        catch (IOException exception)
        {
            return new LoadFailure(sourcePath, $"could not be read ({exception.Message}); check the disk and retry");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Parsers see untrusted bytes and may fail in ways they do not document; one file must not stop the rest.
            LogUnexpectedFailure(_logger, exception, sourcePath);
            return new LoadFailure(sourcePath, $"could not be read as {reader.Format} ({exception.GetType().Name}: {exception.Message}); the file may be corrupt");
        }
    }

    private string? SizeProblem(long size)
    {
        if (size == 0)
        {
            return "empty file (0 bytes): nothing to ingest; add content or remove the file";
        }

        if (size > _maxFileBytes)
        {
            return $"too large: {ByteSize.Format(size)} is over the {ByteSize.Format(_maxFileBytes)} limit; "
                + $"raise {IngestionOptions.SectionName}:{nameof(IngestionOptions.MaxFileBytes)} or split the file";
        }

        return null;
    }

    private static FileStream OpenRead(string path) =>
        new(path, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, Share = FileShare.Read, Options = FileOptions.Asynchronous | FileOptions.SequentialScan });

    private static async Task<string> HashAsync(Stream stream, CancellationToken cancellationToken) =>
        Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));

    private static Dictionary<string, IDocumentReader> SelectReaders(Dictionary<string, IDocumentReader> allReaders, IEnumerable<string> extensions)
    {
        var selected = new Dictionary<string, IDocumentReader>(StringComparer.OrdinalIgnoreCase);
        foreach (var configured in extensions)
        {
            var extension = configured.StartsWith('.') ? configured : "." + configured;
            if (!allReaders.TryGetValue(extension, out var reader))
            {
                throw new OptionsValidationException(
                    nameof(IngestionOptions),
                    typeof(IngestionOptions),
                    [$"{IngestionOptions.SectionName}:{nameof(IngestionOptions.Extensions)} lists '{configured}', which no reader handles; supported: {string.Join(", ", allReaders.Keys.Order(StringComparer.Ordinal))}"]);
            }

            selected[extension] = reader;
        }

        return selected;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unexpected error reading {SourcePath}")]
    private static partial void LogUnexpectedFailure(ILogger logger, Exception exception, string sourcePath);
}
