using System.Globalization;
using System.Text.Json.Nodes;
using Google.Protobuf;
using RagPlatform.Onnx.TestModels.Protos.SentencePiece;
using Piece = RagPlatform.Onnx.TestModels.Protos.SentencePiece.ModelProto.Types.SentencePiece;
using PieceType = RagPlatform.Onnx.TestModels.Protos.SentencePiece.ModelProto.Types.SentencePiece.Types.Type;

namespace RagPlatform.Onnx.TestModels;

/// <summary>
/// Llama-style sentencepiece files: tokenizer.model (BPE, byte fallback, ids 0–2 = &lt;unk&gt;, &lt;s&gt;, &lt;/s&gt;, then the
/// 256 byte pieces &lt;0x00&gt;…&lt;0xFF&gt;, merged pieces by merge order, single characters last) plus tokenizer configs.
/// </summary>
internal static class SentencePieceTokenizerWriter
{
    public const string ModelFileName = "tokenizer.model";
    public const string WordBoundary = "\u2581";

    private const string Unknown = "<unk>";
    private const string BeginOfSentence = "<s>";
    private const string EndOfSentence = "</s>";
    private const int ByteCount = 256;

    private static readonly string[] Controls = [Unknown, BeginOfSentence, EndOfSentence];

    private static readonly string[] Characters = TestVocabulary.AllWords
        .SelectMany(word => word)
        .Concat("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,!?;:'\"()-")
        .Select(character => character.ToString())
        .Append(WordBoundary)
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToArray();

    public static int MinimumVocabSize => Controls.Length + ByteCount + Characters.Length;

    public static DecoderTokenizerInfo Write(string directory, int vocabSize, int maxPositions)
    {
        if (vocabSize < MinimumVocabSize)
        {
            throw new ArgumentException(
                $"DecoderSpec.VocabSize ({vocabSize}) is below the {MinimumVocabSize} pieces (3 control + 256 byte + {Characters.Length} character pieces) of the sentencepiece tokenizer; use at least {MinimumVocabSize}.");
        }

        var merges = BpeMergeTrainer.Train(
            TestVocabulary.AllWords.Select(word => (IReadOnlyList<string>)(WordBoundary + word).Select(character => character.ToString()).ToArray()),
            vocabSize - MinimumVocabSize);
        var model = new ModelProto
        {
            TrainerSpec = new TrainerSpec
            {
                ModelType = TrainerSpec.Types.ModelType.Bpe,
                ByteFallback = true,
                TreatWhitespaceAsSuffix = false,
                UnkId = 0,
                BosId = 1,
                EosId = 2,
                PadId = -1,
                UnkPiece = Unknown,
                BosPiece = BeginOfSentence,
                EosPiece = EndOfSentence,
                PadPiece = "<pad>",
            },
            NormalizerSpec = new NormalizerSpec
            {
                Name = "identity",
                PrecompiledCharsmap = ByteString.Empty,
                AddDummyPrefix = true,
                RemoveExtraWhitespaces = false,
                EscapeWhitespaces = true,
            },
        };
        model.Pieces.Add(new Piece { Piece = Unknown, Score = 0, Type = PieceType.Unknown });
        model.Pieces.Add(new Piece { Piece = BeginOfSentence, Score = 0, Type = PieceType.Control });
        model.Pieces.Add(new Piece { Piece = EndOfSentence, Score = 0, Type = PieceType.Control });
        model.Pieces.Add(Enumerable.Range(0, ByteCount).Select(value => new Piece
        {
            Piece = string.Create(CultureInfo.InvariantCulture, $"<0x{value:X2}>"),
            Score = 0,
            Type = PieceType.Byte,
        }));

        // Sentencepiece BPE merges the adjacent pair whose merged piece scores highest: score = −(merge rank).
        var normalPieces = merges.Select(merge => merge.Merged).Concat(Characters).Distinct(StringComparer.Ordinal).ToArray();
        model.Pieces.Add(normalPieces.Select((piece, rank) => new Piece { Piece = piece, Score = -rank, Type = PieceType.Normal }));
        model.TrainerSpec.VocabSize = model.Pieces.Count;

        using (var stream = File.Create(Path.Combine(directory, ModelFileName)))
        {
            model.WriteTo(stream);
        }

        WriteConfigs(directory, maxPositions);
        return new DecoderTokenizerInfo(BosTokenId: 1, EosTokenId: 2, PadTokenId: 0);
    }

    private static void WriteConfigs(string directory, int maxPositions)
    {
        JsonFiles.Write(Path.Combine(directory, "tokenizer_config.json"), new JsonObject
        {
            ["add_bos_token"] = true,
            ["add_eos_token"] = false,
            ["bos_token"] = BeginOfSentence,
            ["eos_token"] = EndOfSentence,
            ["unk_token"] = Unknown,
            ["pad_token"] = Unknown,
            ["added_tokens_decoder"] = JsonFiles.AddedTokensDecoder(Controls.Select((token, id) => (id, token))),
            ["clean_up_tokenization_spaces"] = false,
            ["legacy"] = false,
            ["model_max_length"] = maxPositions,
            ["sp_model_kwargs"] = new JsonObject(),
            ["tokenizer_class"] = "LlamaTokenizer",
        });
        JsonFiles.Write(Path.Combine(directory, "special_tokens_map.json"), new JsonObject
        {
            ["bos_token"] = BeginOfSentence,
            ["eos_token"] = EndOfSentence,
            ["unk_token"] = Unknown,
            ["pad_token"] = Unknown,
        });
    }
}
