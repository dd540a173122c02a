using System.Text;
using Microsoft.ML.Tokenizers;

namespace RagPlatform.Onnx.Tokenization;

/// <summary>BERT WordPiece (vocab.txt), cased or uncased as tokenizer_config.json says.</summary>
internal sealed class WordPieceModelTokenizer : ModelTokenizer
{
    public const string VocabularyFileName = "vocab.txt";
    private const string ContinuationPrefix = "##";

    private readonly BertTokenizer _bert;

    private WordPieceModelTokenizer(BertTokenizer bert, string?[] tokens, IEnumerable<int> specialIds)
        : base(TokenizerKind.WordPiece, tokens, specialIds, PieceBytes)
    {
        _bert = bert;
    }

    public override bool StripsLeadingSpace => true;

    public static WordPieceModelTokenizer Load(string directory, TokenizerSettings settings)
    {
        var path = Path.Combine(directory, VocabularyFileName);
        var tokens = File.ReadAllLines(path, Encoding.UTF8).Select(line => (string?)line.TrimEnd('\r')).ToArray();
        var lowerCase = settings.LowerCase ?? true;
        var options = new BertOptions
        {
            LowerCaseBeforeTokenization = lowerCase,
            RemoveNonSpacingMarks = settings.StripAccents ?? lowerCase,
            IndividuallyTokenizeCjk = settings.TokenizeChineseChars ?? true,
            ApplyBasicTokenization = true,
            SplitOnSpecialTokens = true,
            UnknownToken = settings.UnkToken ?? "[UNK]",
            ClassificationToken = settings.ClsToken ?? "[CLS]",
            SeparatorToken = settings.SepToken ?? "[SEP]",
            PaddingToken = settings.PadToken ?? "[PAD]",
            MaskingToken = settings.MaskToken ?? "[MASK]",
        };

        BertTokenizer bert;
        try
        {
            bert = BertTokenizer.Create(path, options);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException)
        {
            throw new ModelFolderException(
                $"{path}: cannot build the WordPiece tokenizer ({ex.Message}). vocab.txt must hold one token per line, " +
                $"including {options.UnknownToken}, {options.ClassificationToken}, {options.SeparatorToken}, {options.PaddingToken} and {options.MaskingToken}.",
                ex);
        }

        int[] specialIds = [bert.ClassificationTokenId, bert.SeparatorTokenId, bert.PaddingTokenId, bert.MaskingTokenId, bert.UnknownTokenId];
        return new WordPieceModelTokenizer(bert, tokens, specialIds.Concat(settings.SpecialAddedIds))
        {
            ClsTokenId = bert.ClassificationTokenId,
            SepTokenId = bert.SeparatorTokenId,
            PadTokenId = bert.PaddingTokenId,
        };
    }

    public override IReadOnlyList<int> Encode(string text) => _bert.EncodeToIds(text, addSpecialTokens: false);

    /// <summary>Word-initial pieces start a new word (a space); "##" pieces continue the previous one.</summary>
    private static byte[] PieceBytes(string token) =>
        Encoding.UTF8.GetBytes(token.StartsWith(ContinuationPrefix, StringComparison.Ordinal) ? token[ContinuationPrefix.Length..] : " " + token);
}
