using System.Globalization;
using System.Text;
using Microsoft.ML.Tokenizers;

namespace RagPlatform.Onnx.Tokenization;

/// <summary>
/// SentencePiece (tokenizer.model / sentencepiece.bpe.model). XLM-RoBERTa models number the same pieces one higher
/// than the SentencePiece model does (fairseq's four special tokens come first); <see cref="FairseqOffset"/> maps them.
/// </summary>
internal sealed class SentencePieceModelTokenizer : ModelTokenizer
{
    public static readonly string[] ModelFileNames = ["tokenizer.model", "sentencepiece.bpe.model"];

    private const char WordBoundary = '\u2581';

    /// <summary>fairseq's &lt;s&gt;, &lt;pad&gt;, &lt;/s&gt;, &lt;unk&gt; occupy ids 0–3 in XLM-RoBERTa's vocabulary.</summary>
    private static readonly string[] FairseqSpecialTokens = ["<s>", "<pad>", "</s>", "<unk>"];
    private const int FairseqOffset = 1;
    private const int FairseqUnknownId = 3;

    private readonly SentencePieceTokenizer _sentencePiece;
    private readonly bool _fairseqIds;

    private SentencePieceModelTokenizer(SentencePieceTokenizer sentencePiece, bool fairseqIds, string?[] tokens, IEnumerable<int> specialIds)
        : base(TokenizerKind.SentencePiece, tokens, specialIds, PieceBytes)
    {
        _sentencePiece = sentencePiece;
        _fairseqIds = fairseqIds;
        StripsLeadingSpace = sentencePiece.AddDummyPrefix;
    }

    public override bool StripsLeadingSpace { get; }

    /// <param name="fairseqIds">True for XLM-RoBERTa, whose ids are the SentencePiece ids shifted by fairseq's specials.</param>
    public static SentencePieceModelTokenizer Load(string modelPath, TokenizerSettings settings, bool fairseqIds)
    {
        var sentencePiece = Create(modelPath, fairseqIds || settings.AddedTokens.Count == 0 ? null : settings.AddedTokens);
        if (!fairseqIds && WithControlTokens(sentencePiece, settings.AddedTokens) is { } withControls)
        {
            // Chat formats write <s> and </s> as text; they must encode as the control ids even when no config lists them.
            sentencePiece = Create(modelPath, withControls);
        }

        var tokens = fairseqIds ? FairseqTokens(sentencePiece, settings) : PlainTokens(sentencePiece, settings);
        int? Id(string? token) => token is not null && Array.IndexOf(tokens, token) is var id and >= 0 ? id : null;

        var specialIds = new List<int>(settings.SpecialAddedIds);
        if (fairseqIds)
        {
            specialIds.AddRange(Enumerable.Range(0, FairseqSpecialTokens.Length));
        }
        else
        {
            specialIds.AddRange([sentencePiece.BeginningOfSentenceId, sentencePiece.EndOfSentenceId]);
        }

        return new SentencePieceModelTokenizer(sentencePiece, fairseqIds, tokens, specialIds)
        {
            BosTokenId = Id(settings.BosToken) ?? (fairseqIds ? 0 : sentencePiece.BeginningOfSentenceId),
            EosTokenId = Id(settings.EosToken) ?? (fairseqIds ? 2 : sentencePiece.EndOfSentenceId),
            PadTokenId = Id(settings.PadToken) ?? (fairseqIds ? 1 : Id(settings.UnkToken) ?? sentencePiece.UnknownId),
            ClsTokenId = Id(settings.ClsToken ?? settings.BosToken) ?? (fairseqIds ? 0 : sentencePiece.BeginningOfSentenceId),
            SepTokenId = Id(settings.SepToken ?? settings.EosToken) ?? (fairseqIds ? 2 : sentencePiece.EndOfSentenceId),
            AddBosToken = settings.AddBosToken ?? true,
        };
    }

    public override IReadOnlyList<int> Encode(string text)
    {
        var ids = _sentencePiece.EncodeToIds(text, addBeginningOfSentence: false, addEndOfSentence: false);
        if (!_fairseqIds)
        {
            return ids;
        }

        var shifted = new int[ids.Count];
        for (var i = 0; i < shifted.Length; i++)
        {
            shifted[i] = ids[i] == _sentencePiece.UnknownId ? FairseqUnknownId : ids[i] + FairseqOffset;
        }

        return shifted;
    }

    private static SentencePieceTokenizer Create(string modelPath, IReadOnlyDictionary<string, int>? specialTokens)
    {
        try
        {
            using var stream = File.OpenRead(modelPath);
            return SentencePieceTokenizer.Create(stream, addBeginningOfSentence: false, addEndOfSentence: false, specialTokens);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or Google.Protobuf.InvalidProtocolBufferException)
        {
            throw new ModelFolderException(
                $"{modelPath}: not a SentencePiece model ({ex.Message}). Re-download tokenizer.model from the model's repository.", ex);
        }
    }

    /// <returns>The added tokens plus BOS and EOS, or null when the added tokens already hold both.</returns>
    private static Dictionary<string, int>? WithControlTokens(SentencePieceTokenizer sentencePiece, IReadOnlyDictionary<string, int> addedTokens)
    {
        (string Token, int Id)[] controls =
        [
            (sentencePiece.BeginningOfSentenceToken, sentencePiece.BeginningOfSentenceId),
            (sentencePiece.EndOfSentenceToken, sentencePiece.EndOfSentenceId),
        ];
        if (controls.All(control => addedTokens.ContainsKey(control.Token)))
        {
            return null;
        }

        var tokens = new Dictionary<string, int>(addedTokens, StringComparer.Ordinal);
        foreach (var (token, id) in controls)
        {
            tokens.TryAdd(token, id);
        }

        return tokens;
    }

    private static string?[] PlainTokens(SentencePieceTokenizer sentencePiece, TokenizerSettings settings)
    {
        var size = Math.Max(
            sentencePiece.Vocabulary.Values.DefaultIfEmpty(-1).Max(),
            settings.AddedTokens.Values.DefaultIfEmpty(-1).Max()) + 1;
        var tokens = new string?[size];
        foreach (var (piece, id) in sentencePiece.Vocabulary)
        {
            tokens[id] = piece;
        }

        foreach (var (token, id) in settings.AddedTokens)
        {
            tokens[id] ??= token;
        }

        return tokens;
    }

    private static string?[] FairseqTokens(SentencePieceTokenizer sentencePiece, TokenizerSettings settings)
    {
        var size = Math.Max(
            sentencePiece.Vocabulary.Values.DefaultIfEmpty(-1).Max() + FairseqOffset,
            settings.AddedTokens.Values.DefaultIfEmpty(-1).Max()) + 1;
        var tokens = new string?[size];
        FairseqSpecialTokens.CopyTo(tokens, 0);
        foreach (var (piece, id) in sentencePiece.Vocabulary)
        {
            if (id + FairseqOffset >= FairseqSpecialTokens.Length)
            {
                tokens[id + FairseqOffset] = piece;
            }
        }

        foreach (var (token, id) in settings.AddedTokens)
        {
            tokens[id] ??= token;
        }

        return tokens;
    }

    /// <summary>"▁" is a space; "&lt;0xNN&gt;" is the raw byte NN (byte fallback for characters outside the vocabulary).</summary>
    private static byte[] PieceBytes(string piece)
    {
        if (piece.Length == 6 && piece.StartsWith("<0x", StringComparison.Ordinal) && piece[5] == '>'
            && byte.TryParse(piece.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value))
        {
            return [value];
        }

        return Encoding.UTF8.GetBytes(piece.Replace(WordBoundary, ' '));
    }
}
