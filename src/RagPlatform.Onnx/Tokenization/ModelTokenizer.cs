using System.Text;

namespace RagPlatform.Onnx.Tokenization;

/// <summary>
/// A model's tokenizer: text to ids through Microsoft.ML.Tokenizers with the model's added tokens kept whole, and
/// ids back to the exact bytes each token stands for, so streamed text can be decoded one token at a time.
/// </summary>
internal abstract class ModelTokenizer
{
    private static readonly byte[] NoBytes = [];

    private readonly string?[] _tokens;
    private readonly byte[][] _tokenBytes;
    private readonly Dictionary<string, int> _ids;

    /// <param name="tokens">Every token's text as the vocabulary writes it, indexed by id (null for unused ids).</param>
    /// <param name="tokenToBytes">Maps a vocabulary entry to the bytes it decodes to.</param>
    protected ModelTokenizer(TokenizerKind kind, string?[] tokens, IEnumerable<int> specialIds, Func<string, byte[]> tokenToBytes)
    {
        Kind = kind;
        _tokens = tokens;
        var special = new bool[tokens.Length];
        foreach (var id in specialIds.Where(id => id >= 0 && id < tokens.Length))
        {
            special[id] = true;
        }

        _ids = new Dictionary<string, int>(tokens.Length, StringComparer.Ordinal);
        _tokenBytes = new byte[tokens.Length][];
        for (var id = 0; id < tokens.Length; id++)
        {
            if (tokens[id] is { } token)
            {
                _ids.TryAdd(token, id);
                _tokenBytes[id] = special[id] ? NoBytes : tokenToBytes(token);
            }
            else
            {
                _tokenBytes[id] = NoBytes;
            }
        }
    }

    public TokenizerKind Kind { get; }

    public int VocabularySize => _tokenBytes.Length;

    /// <summary>Whether decoding drops the space that encoding puts before the first word (SentencePiece, WordPiece).</summary>
    public abstract bool StripsLeadingSpace { get; }

    public int? BosTokenId { get; init; }

    public int? EosTokenId { get; init; }

    public int? PadTokenId { get; init; }

    /// <summary>The token that starts an encoder input ([CLS] for BERT, &lt;s&gt; for XLM-RoBERTa).</summary>
    public int? ClsTokenId { get; init; }

    /// <summary>The token that ends an encoder input ([SEP] for BERT, &lt;/s&gt; for XLM-RoBERTa).</summary>
    public int? SepTokenId { get; init; }

    /// <summary>Whether a plain text (not a chat prompt, whose template places it) starts with the BOS token.</summary>
    public bool AddBosToken { get; init; }

    public string? BosToken => BosTokenId is { } id ? TokenText(id) : null;

    /// <summary>Ids of <paramref name="text"/> without BOS/CLS/SEP; added tokens in the text encode as single ids.</summary>
    public abstract IReadOnlyList<int> Encode(string text);

    public bool TryGetTokenId(string token, out int id) => _ids.TryGetValue(token, out id);

    /// <summary>The UTF-8 bytes token <paramref name="id"/> contributes to decoded text; empty for special tokens.</summary>
    public ReadOnlySpan<byte> TokenBytes(int id) => (uint)id < (uint)_tokenBytes.Length ? _tokenBytes[id] : NoBytes;

    /// <summary>The token as the vocabulary writes it, for showing per-token scores.</summary>
    public string TokenText(int id) => (uint)id < (uint)_tokens.Length && _tokens[id] is { } text ? text : $"<{id}>";

    public string Decode(IEnumerable<int> ids)
    {
        var decoder = new TokenTextDecoder(this);
        var text = new StringBuilder();
        foreach (var id in ids)
        {
            text.Append(decoder.Append(id));
        }

        return text.Append(decoder.Flush()).ToString();
    }
}
