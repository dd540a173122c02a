namespace RagPlatform.Ingestion;

/// <summary>The outcome for one file: <see cref="LoadedDocument"/>, <see cref="UnchangedDocument"/> or <see cref="LoadFailure"/>.</summary>
public abstract record LoadResult(string SourcePath);

/// <param name="SourcePath">The path as given (folder path joined with the relative path), with '/' separators.</param>
/// <param name="Format">The reader's format: txt, md, html, pdf or docx.</param>
/// <param name="ContentHash">Lower-case hex SHA-256 of the file bytes.</param>
public sealed record LoadedDocument(string SourcePath, string Format, string ContentHash, long SizeBytes, DocumentContent Content)
    : LoadResult(SourcePath);

/// <summary>A file the caller's <see cref="UnchangedCheck"/> recognised by its hash; it was not parsed.</summary>
public sealed record UnchangedDocument(string SourcePath, string Format, string ContentHash, long SizeBytes) : LoadResult(SourcePath);

/// <param name="Reason">What is wrong and what to do about it, without the path.</param>
public sealed record LoadFailure(string SourcePath, string Reason) : LoadResult(SourcePath);

/// <summary>Lets the loader skip parsing a file whose bytes are already ingested.</summary>
/// <returns>True when the document stored for <paramref name="sourcePath"/> already has <paramref name="contentHash"/>.</returns>
public delegate ValueTask<bool> UnchangedCheck(string sourcePath, string contentHash, CancellationToken cancellationToken);
