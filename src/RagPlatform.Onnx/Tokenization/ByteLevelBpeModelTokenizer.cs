using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.ML.Tokenizers;

namespace RagPlatform.Onnx.Tokenization;

/// <summary>
/// GPT-2 style byte-level BPE: every byte of the UTF-8 text is first mapped to a printable character, so a token can
/// hold part of a multi-byte character. Vocabulary from vocab.json + merges.txt, or from tokenizer.json's BPE model.
/// </summary>
internal sealed class ByteLevelBpeModelTokenizer : ModelTokenizer
{
    public const string VocabularyFileName = "vocab.json";
    public const string MergesFileName = "merges.txt";

    /// <summary>GPT-2's pre-tokenizer split, used when tokenizer.json does not give one.</summary>
    private const string Gpt2Pattern = @"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+";

    /// <summary>Qwen2's split (single digits, case-insensitive contractions), used for qwen2 folders without tokenizer.json.</summary>
    private const string Qwen2Pattern = @"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";

    private static readonly Dictionary<char, byte> CharToByte = BuildCharToByte();

    private readonly BpeTokenizer _bpe;

    private ByteLevelBpeModelTokenizer(BpeTokenizer bpe, string?[] tokens, IEnumerable<int> specialIds)
        : base(TokenizerKind.ByteLevelBpe, tokens, specialIds, TokenBytesOf)
    {
        _bpe = bpe;
    }

    public override bool StripsLeadingSpace => false;

    public static ByteLevelBpeModelTokenizer LoadFromFiles(string directory, TokenizerSettings settings, string modelType) =>
        Create(new BpeOptions(Path.Combine(directory, VocabularyFileName), Path.Combine(directory, MergesFileName)), settings, modelType, directory);

    public static ByteLevelBpeModelTokenizer LoadFromTokenizerJson(string directory, JsonObject bpeModel, TokenizerSettings settings, string modelType)
    {
        var path = Path.Combine(directory, TokenizerSettings.TokenizerJsonFileName);
        if (bpeModel["vocab"] is not JsonObject vocabulary || bpeModel["merges"] is not JsonArray merges)
        {
            throw new ModelFolderException($"{path}: the BPE model needs 'model.vocab' and 'model.merges'.");
        }

        var options = new BpeOptions(vocabulary.Select(pair => new KeyValuePair<string, int>(pair.Key, pair.Value!.GetValue<int>())))
        {
            // Newer tokenizer.json files write each merge as a two-element array instead of "left right".
            Merges = merges.Select(merge => merge is JsonArray pair ? $"{pair[0]} {pair[1]}" : merge!.GetValue<string>()).ToArray(),
        };
        return Create(options, settings, modelType, path);
    }

    public override IReadOnlyList<int> Encode(string text) => _bpe.EncodeToIds(text);

    private static ByteLevelBpeModelTokenizer Create(BpeOptions options, TokenizerSettings settings, string modelType, string source)
    {
        var pattern = settings.PreTokenizerPattern ?? (modelType.StartsWith("qwen", StringComparison.Ordinal) ? Qwen2Pattern : Gpt2Pattern);
        var added = settings.AddedTokens.Count == 0 ? null : settings.AddedTokens;
        options.ByteLevel = true;
        options.SpecialTokens = added;
        options.PreTokenizer = new RegexPreTokenizer(new Regex(pattern, RegexOptions.Compiled), added);

        BpeTokenizer bpe;
        try
        {
            bpe = BpeTokenizer.Create(options);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or System.Text.Json.JsonException)
        {
            throw new ModelFolderException(
                $"{source}: cannot build the byte-level BPE tokenizer ({ex.Message}). Re-download vocab.json and merges.txt from the model's repository.",
                ex);
        }

        var size = Math.Max(bpe.Vocabulary.Values.DefaultIfEmpty(-1).Max(), settings.AddedTokens.Values.DefaultIfEmpty(-1).Max()) + 1;
        var tokens = new string?[size];
        foreach (var (token, id) in bpe.Vocabulary)
        {
            tokens[id] = token;
        }

        foreach (var (token, id) in settings.AddedTokens)
        {
            tokens[id] = token;
        }

        int? Id(string? token) => token is not null && Array.IndexOf(tokens, token) is var id and >= 0 ? id : null;
        var bosId = Id(settings.BosToken);
        return new ByteLevelBpeModelTokenizer(bpe, tokens, settings.SpecialAddedIds)
        {
            BosTokenId = bosId,
            EosTokenId = Id(settings.EosToken),
            PadTokenId = Id(settings.PadToken) ?? Id(settings.EosToken) ?? 0,
            ClsTokenId = Id(settings.ClsToken) ?? bosId,
            SepTokenId = Id(settings.SepToken) ?? Id(settings.EosToken),
            AddBosToken = (settings.AddBosToken ?? false) && bosId is not null,
        };
    }

    /// <summary>Vocabulary entries are in GPT-2's byte alphabet; added tokens (not in that alphabet) are plain text.</summary>
    private static byte[] TokenBytesOf(string token)
    {
        var bytes = new byte[token.Length];
        for (var i = 0; i < token.Length; i++)
        {
            if (!CharToByte.TryGetValue(token[i], out bytes[i]))
            {
                return Encoding.UTF8.GetBytes(token);
            }
        }

        return bytes;
    }

    /// <summary>GPT-2's reversible byte → printable character table: printable Latin-1 bytes map to themselves, the rest to U+0100 onwards.</summary>
    private static Dictionary<char, byte> BuildCharToByte()
    {
        var table = new Dictionary<char, byte>(256);
        var next = 256;
        for (var b = 0; b < 256; b++)
        {
            var printable = b is >= '!' and <= '~' or >= 0xA1 and <= 0xAC or >= 0xAE and <= 0xFF;
            table[(char)(printable ? b : next++)] = (byte)b;
        }

        return table;
    }
}
