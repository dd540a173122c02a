using System.Buffers;
using Microsoft.Extensions.Options;
using Microsoft.ML.Tokenizers;
using RagPlatform.Core.Text;

namespace RagPlatform.Ingestion;

/// <summary>
/// Splits a document into token-bounded chunks. A chunk never crosses a section (heading path or page change);
/// inside a section it packs whole paragraphs, else whole sentences, else token-sized pieces of an over-long
/// sentence. Each new chunk in a section starts with the previous chunk's trailing whole sentences, up to
/// <see cref="ChunkingOptions.OverlapTokens"/>. Deterministic for a given tokenizer and options.
/// </summary>
public sealed class TextChunker
{
    private const int MaxCharactersPerToken = 64;

    private static readonly Lazy<Tokenizer> Cl100kBase = new(() => TiktokenTokenizer.CreateForEncoding("cl100k_base"));

    private static readonly SearchValues<char> WhitespaceCharacters = SearchValues.Create(" \t\n");

    private readonly Tokenizer _tokenizer;
    private readonly int _maxTokens;
    private readonly int _overlapTokens;

    /// <param name="tokenizer">Counts tokens; defaults to tiktoken cl100k_base.</param>
    public TextChunker(IOptions<ChunkingOptions> options, Tokenizer? tokenizer = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        List<string> failures = [];
        if (settings.MaxTokens < ChunkingOptions.MinimumMaxTokens)
        {
            failures.Add($"{ChunkingOptions.SectionName}:{nameof(ChunkingOptions.MaxTokens)} must be at least {ChunkingOptions.MinimumMaxTokens} (got {settings.MaxTokens})");
        }

        if (settings.OverlapTokens < 0 || settings.OverlapTokens >= settings.MaxTokens)
        {
            failures.Add($"{ChunkingOptions.SectionName}:{nameof(ChunkingOptions.OverlapTokens)} must be at least 0 and less than MaxTokens ({settings.MaxTokens}) (got {settings.OverlapTokens})");
        }

        if (failures.Count > 0)
        {
            throw new OptionsValidationException(nameof(ChunkingOptions), typeof(ChunkingOptions), failures);
        }

        _tokenizer = tokenizer ?? Cl100kBase.Value;
        _maxTokens = settings.MaxTokens;
        _overlapTokens = settings.OverlapTokens;
    }

    public IReadOnlyList<ChunkDraft> Chunk(DocumentContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var chunks = new List<ChunkDraft>();
        foreach (var section in content.Sections)
        {
            ChunkSection(content.Text, section, chunks);
        }

        return chunks;
    }

    private void ChunkSection(string text, ContentSection section, List<ChunkDraft> chunks)
    {
        var sentences = SentenceSplitter.Split(text[section.Start..section.End])
            .Select(sentence => new TextSpan(sentence.Start + section.Start, sentence.Length))
            .ToList();
        TextSpan? current = null;
        var currentTokens = 0;
        foreach (var (unit, unitTokens) in Units(text, section, sentences))
        {
            if (current is not { } chunk)
            {
                (current, currentTokens) = (unit, unitTokens);
                continue;
            }

            var extendedTokens = CountTokens(text, chunk.Start, unit.End);
            if (extendedTokens <= _maxTokens)
            {
                (current, currentTokens) = (Between(chunk.Start, unit.End), extendedTokens);
                continue;
            }

            chunks.Add(Draft(text, chunk, currentTokens, section));
            var start = OverlapStart(text, chunk, unit, sentences) ?? unit.Start;
            (current, currentTokens) = start == unit.Start ? (unit, unitTokens) : (Between(start, unit.End), CountTokens(text, start, unit.End));
        }

        if (current is { } last)
        {
            chunks.Add(Draft(text, last, currentTokens, section));
        }
    }

    /// <summary>
    /// The section cut into pieces that each fit in a chunk: paragraphs, or the sentences of a paragraph that is too
    /// long, or token-bounded pieces of a sentence that is too long. Together they cover all non-whitespace text.
    /// </summary>
    private IEnumerable<(TextSpan Span, int Tokens)> Units(string text, ContentSection section, List<TextSpan> sentences)
    {
        foreach (var paragraph in Paragraphs(text, section))
        {
            var paragraphTokens = CountTokens(text, paragraph.Start, paragraph.End);
            if (paragraphTokens <= _maxTokens)
            {
                yield return (paragraph, paragraphTokens);
                continue;
            }

            // Each unit runs from the end of the previous one, so text between sentences (a list marker) is kept.
            var unitStart = paragraph.Start;
            var first = LastSentenceEndingBy(sentences, paragraph.Start) + 1;
            var cuts = sentences.GetRange(first, LastSentenceEndingBy(sentences, paragraph.End) + 1 - first)
                .Select(sentence => sentence.End)
                .SkipLast(1)
                .Append(paragraph.End);
            foreach (var cut in cuts)
            {
                var unit = Trimmed(text, unitStart, cut);
                var unitTokens = CountTokens(text, unit.Start, unit.End);
                if (unitTokens <= _maxTokens)
                {
                    yield return (unit, unitTokens);
                }
                else
                {
                    foreach (var piece in TokenPieces(text, unit))
                    {
                        yield return piece;
                    }
                }

                unitStart = cut;
            }
        }
    }

    /// <summary>Blocks are joined with "\n\n" and contain no blank line themselves, so this recovers the paragraphs.</summary>
    private static IEnumerable<TextSpan> Paragraphs(string text, ContentSection section)
    {
        var start = section.Start;
        while (start < section.End)
        {
            var separator = text.IndexOf(DocumentContent.BlockSeparator, start, section.End - start, StringComparison.Ordinal);
            var end = separator < 0 ? section.End : separator;
            var paragraph = Trimmed(text, start, end);
            if (paragraph.Length > 0)
            {
                yield return paragraph;
            }

            start = end + DocumentContent.BlockSeparator.Length;
        }
    }

    /// <summary>Cuts an over-long sentence into pieces that each fit in a chunk.</summary>
    private IEnumerable<(TextSpan Span, int Tokens)> TokenPieces(string text, TextSpan sentence)
    {
        var position = sentence.Start;
        while (position < sentence.End)
        {
            // Only a window is tokenized per cut, or cutting a huge sentence would be quadratic; the window holds far
            // more than MaxTokens tokens of any real text, and the cut is verified against the real count anyway.
            var window = Math.Min(sentence.End - position, _maxTokens * MaxCharactersPerToken);
            var length = FittingPrefixLength(text.AsSpan(position, window));
            var piece = Trimmed(text, position, position + length);
            yield return (piece, CountTokens(text, piece.Start, piece.End));
            position = Trimmed(text, position + length, sentence.End).Start;
        }
    }

    /// <summary>
    /// The length of the longest prefix of <paramref name="remaining"/> within MaxTokens: the tokenizer's own cut at a
    /// token boundary when its count on the raw text holds; otherwise (a normalising tokenizer counts the normalised
    /// text differently) a binary search on the real count, ending at whitespace where there is any.
    /// </summary>
    private int FittingPrefixLength(ReadOnlySpan<char> remaining)
    {
        var cut = _tokenizer.GetIndexByTokenCount(remaining, _maxTokens, out _, out _, considerNormalization: false);
        if (cut > 0 && Fits(remaining[..cut]))
        {
            return cut;
        }

        // One character always fits (MaxTokens >= 16), so the search keeps "fits" as a length known to fit.
        int fits = 1, tooLong = cut > 0 ? cut : remaining.Length + 1;
        while (tooLong - fits > 1)
        {
            var middle = fits + ((tooLong - fits) / 2);
            if (Fits(remaining[..middle]))
            {
                fits = middle;
            }
            else
            {
                tooLong = middle;
            }
        }

        if (fits < remaining.Length)
        {
            var lastWhitespace = remaining[..fits].LastIndexOfAny(WhitespaceCharacters);
            if (lastWhitespace > 0)
            {
                return lastWhitespace;
            }

            if (char.IsLowSurrogate(remaining[fits]))
            {
                return fits > 1 ? fits - 1 : fits + 1;
            }
        }

        return fits;
    }

    private bool Fits(ReadOnlySpan<char> text) => _tokenizer.CountTokens(text.TrimEnd()) <= _maxTokens;

    /// <summary>
    /// Where the chunk after <paramref name="previous"/> starts so that it repeats the longest run of previous's
    /// trailing whole sentences within the overlap budget, while still fitting <paramref name="next"/>; null when none fit.
    /// </summary>
    private int? OverlapStart(string text, TextSpan previous, TextSpan next, List<TextSpan> sentences)
    {
        int? start = null;
        for (var i = LastSentenceEndingBy(sentences, previous.End); i >= 0 && _overlapTokens > 0; i--)
        {
            var sentence = sentences[i];
            if (sentence.Start <= previous.Start
                || CountTokens(text, sentence.Start, previous.End) > _overlapTokens
                || CountTokens(text, sentence.Start, next.End) > _maxTokens)
            {
                break;
            }

            start = sentence.Start;
        }

        return start;
    }

    private static int LastSentenceEndingBy(List<TextSpan> sentences, int end)
    {
        int low = 0, high = sentences.Count - 1, found = -1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            if (sentences[middle].End <= end)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return found;
    }

    private int CountTokens(string text, int start, int end) => _tokenizer.CountTokens(text.AsSpan(start, end - start));

    private static ChunkDraft Draft(string text, TextSpan span, int tokens, ContentSection section) =>
        new(text[span.Start..span.End], span.Start, span.End, section.HeadingPath, section.Page, tokens);

    private static TextSpan Between(int start, int end) => new(start, end - start);

    private static TextSpan Trimmed(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return Between(start, end);
    }
}
