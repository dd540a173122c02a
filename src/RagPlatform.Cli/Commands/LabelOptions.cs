using System.CommandLine;
using RagPlatform.Core.Documents;
using RagPlatform.Core.Retrieval;

namespace RagPlatform.Cli.Commands;

/// <summary>
/// The repeatable <c>--tag</c> and <c>--meta key=value</c> options: labels given to documents by <c>ragp ingest</c>,
/// and filters on those labels for <c>ragp ask</c> and <c>ragp chat</c>.
/// </summary>
internal sealed class LabelOptions
{
    private const string TagName = "--tag";
    private const string MetaName = "--meta";

    private LabelOptions(string tagDescription, string metaDescription)
    {
        Tag = new Option<string[]>(TagName) { Description = tagDescription, Arity = ArgumentArity.ZeroOrMore };
        Meta = new Option<string[]>(MetaName) { Description = metaDescription, Arity = ArgumentArity.ZeroOrMore };
    }

    /// <summary>For ingestion: the labels every ingested document gets.</summary>
    public static LabelOptions ForIngestion { get; } = new(
        "Tag every ingested document, e.g. --tag course:nlp --tag week3 (repeatable; re-ingesting replaces a document's tags)",
        "Metadata for every ingested document as key=value, e.g. --meta owner=tim (repeatable; keys: letters, digits, '_' or '-')");

    /// <summary>For answering: only documents carrying every given label are searched.</summary>
    public static LabelOptions ForFilter { get; } = new(
        "Only search documents carrying this tag (repeatable: all must be carried)",
        "Only search documents with this metadata value, as key=value (repeatable: all must match)");

    public Option<string[]> Tag { get; }

    public Option<string[]> Meta { get; }

    public void AddTo(Command command)
    {
        command.Options.Add(Tag);
        command.Options.Add(Meta);
    }

    /// <exception cref="ArgumentException">A malformed tag or entry; the message names the option.</exception>
    public IReadOnlyList<string> GetTags(ParseResult parseResult) =>
        DocumentLabels.NormalizeTags(parseResult.GetValue(Tag) ?? [], TagName);

    /// <exception cref="ArgumentException">An entry that is not key=value or breaks the key rules; the message names the option.</exception>
    public IReadOnlyDictionary<string, string> GetMetadata(ParseResult parseResult) =>
        DocumentLabels.ParseMetadata(parseResult.GetValue(Meta) ?? [], MetaName);

    /// <summary>The filter the given labels make, or null when none was given.</summary>
    public SearchFilter? GetFilter(ParseResult parseResult)
    {
        var tags = GetTags(parseResult);
        var metadata = GetMetadata(parseResult);
        return tags.Count == 0 && metadata.Count == 0
            ? null
            : new SearchFilter(Tags: tags.Count == 0 ? null : tags, Metadata: metadata.Count == 0 ? null : metadata);
    }
}
