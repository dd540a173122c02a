namespace RagPlatform.SampleCorpus.Sources;

/// <summary>A parsed generator source: the title (its first '# ' heading) and every block in order.</summary>
internal sealed record SourceDocument(string SourcePath, string Title, IReadOnlyList<SourceBlock> Blocks);

internal abstract record SourceBlock;

/// <summary>Level 1 for '# ' and level 2 for '## '.</summary>
internal sealed record HeadingBlock(int Level, string Text) : SourceBlock;

internal sealed record ParagraphBlock(string Text) : SourceBlock;

/// <summary>A '|' table; the first row is the header row.</summary>
internal sealed record TableBlock(IReadOnlyList<IReadOnlyList<string>> Rows) : SourceBlock;
