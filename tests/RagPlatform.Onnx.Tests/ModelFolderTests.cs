using RagPlatform.Onnx.Folders;
using RagPlatform.Onnx.Generation;
using RagPlatform.Onnx.Tokenization;

namespace RagPlatform.Onnx.Tests;

/// <summary>Folder parsing and its error messages; the ONNX file is never opened here, so a placeholder stands in.</summary>
public sealed class ModelFolderTests : IDisposable
{
    private const string BertConfig = """{"model_type": "bert", "architectures": ["BertModel"], "hidden_size": 8, "max_position_embeddings": 64}""";
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Missing_folder_names_it()
    {
        var missing = _folder.File("nowhere");

        var error = Assert.Throws<ModelFolderException>(() => ModelFolder.Load(missing));

        Assert.Equal($"model folder not found: {missing}. Point Path at the folder of an Optimum ONNX export (model.onnx, config.json, tokenizer files).", error.Message);
    }

    [Fact]
    public void Missing_config_names_the_file_and_the_fix()
    {
        WriteModelAndVocabulary();

        var error = Assert.Throws<ModelFolderException>(() => ModelFolder.Load(_folder.Path));

        Assert.StartsWith($"{_folder.File("config.json")} not found: a model folder needs the Hugging Face config.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_model_file_says_how_to_export_one()
    {
        _folder.Write("config.json", BertConfig);
        WriteVocabulary();

        var error = Assert.Throws<ModelFolderException>(() => ModelFolder.Load(_folder.Path));

        Assert.StartsWith($"no ONNX model in {_folder.Path}: expected model.onnx. Export one with `optimum-cli export onnx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_tokenizer_lists_the_expected_files()
    {
        _folder.Write("config.json", BertConfig);
        _folder.Write("model.onnx", "");

        var error = Assert.Throws<ModelFolderException>(() => ModelFolder.Load(_folder.Path));

        Assert.StartsWith($"no tokenizer found in {_folder.Path}: expected vocab.txt, tokenizer.model or vocab.json+merges.txt.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Half_a_bpe_tokenizer_says_which_half_is_missing()
    {
        _folder.Write("config.json", """{"model_type": "qwen2", "num_hidden_layers": 1, "num_attention_heads": 2, "hidden_size": 8}""");
        _folder.Write("model.onnx", "");
        _folder.Write("vocab.json", "{}");

        var error = Assert.Throws<ModelFolderException>(() => ModelFolder.Load(_folder.Path));

        Assert.Contains("(vocab.json is there but merges.txt is missing)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_model_type_names_the_field()
    {
        WriteModelAndVocabulary();
        _folder.Write("config.json", """{"hidden_size": 8}""");

        var error = Assert.Throws<ModelFolderException>(() => ModelFolder.Load(_folder.Path));

        Assert.StartsWith($"{_folder.File("config.json")}: missing 'model_type'.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decoder_config_without_layer_count_names_the_field()
    {
        WriteModelAndVocabulary();
        _folder.Write("config.json", """{"model_type": "llama", "num_attention_heads": 2, "hidden_size": 8}""");

        var error = Assert.Throws<ModelFolderException>(() => ModelFolder.Load(_folder.Path));

        Assert.StartsWith($"{_folder.File("config.json")}: missing 'num_hidden_layers'.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_model_type_asks_for_the_task_in_the_manifest()
    {
        WriteModelAndVocabulary();
        _folder.Write("config.json", """{"model_type": "mystery", "hidden_size": 8}""");

        var error = Assert.Throws<ModelFolderException>(() => ModelFolder.Load(_folder.Path));

        Assert.Contains("cannot tell whether model_type 'mystery' is an embedding or a generation model", error.Message, StringComparison.Ordinal);
        Assert.Contains($"set \"task\": \"embedding\" or \"generation\" in {_folder.File("ragp-model.json")}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Manifest_task_settles_an_unknown_model_type()
    {
        WriteModelAndVocabulary();
        _folder.Write("config.json", """{"model_type": "mystery", "hidden_size": 8}""");
        _folder.Write("ragp-model.json", """{"task": "embedding"}""");

        Assert.Equal(ModelTask.Embedding, ModelFolder.Load(_folder.Path).Task);
    }

    [Fact]
    public void Manifest_overrides_what_is_inferred()
    {
        WriteModelAndVocabulary();
        _folder.Write("config.json", BertConfig);
        _folder.Write("ragp-model.json", """
            {
              "pooling": "cls", "normalize": false, "queryPrefix": "q: ", "passagePrefix": "p: ",
              "maxLength": 32, "modelId": "my/encoder"
            }
            """);

        var folder = ModelFolder.Load(_folder.Path);

        Assert.Equal(EmbeddingPooling.Cls, folder.Pooling);
        Assert.False(folder.Normalize);
        Assert.Equal(("q: ", "p: "), (folder.QueryPrefix, folder.PassagePrefix));
        Assert.Equal(32, folder.MaxLength);
        Assert.Equal("my/encoder", folder.ModelId);
    }

    [Fact]
    public void Unknown_manifest_field_lists_the_allowed_ones()
    {
        WriteModelAndVocabulary();
        _folder.Write("config.json", BertConfig);
        _folder.Write("ragp-model.json", """{"pooling": "mean", "prefix": "x"}""");

        var error = Assert.Throws<ModelFolderException>(() => ModelFolder.Load(_folder.Path));

        Assert.StartsWith(_folder.File("ragp-model.json") + ":", error.Message, StringComparison.Ordinal);
        Assert.Contains("prefix", error.Message, StringComparison.Ordinal);
        Assert.Contains("Allowed fields: task (embedding|generation), pooling (mean|cls)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_manifest_value_is_reported()
    {
        WriteModelAndVocabulary();
        _folder.Write("config.json", BertConfig);
        _folder.Write("ragp-model.json", """{"pooling": "max"}""");

        var error = Assert.Throws<ModelFolderException>(() => ModelFolder.Load(_folder.Path));

        Assert.Contains("$.pooling", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sentence_transformers_files_set_pooling_and_prompts()
    {
        WriteModelAndVocabulary();
        _folder.Write("config.json", BertConfig);
        _folder.Write("1_Pooling/config.json", """{"word_embedding_dimension": 8, "pooling_mode_cls_token": true, "pooling_mode_mean_tokens": false}""");
        _folder.Write("config_sentence_transformers.json", """{"prompts": {"query": "Represent this query: ", "document": ""}}""");

        var folder = ModelFolder.Load(_folder.Path);

        Assert.Equal(EmbeddingPooling.Cls, folder.Pooling);
        Assert.Equal("Represent this query: ", folder.QueryPrefix);
        Assert.Equal("", folder.PassagePrefix);
    }

    [Fact]
    public void E5_models_get_query_and_passage_prefixes()
    {
        WriteModelAndVocabulary();
        _folder.Write("config.json", """{"model_type": "bert", "hidden_size": 8, "_name_or_path": "intfloat/multilingual-e5-small"}""");

        var folder = ModelFolder.Load(_folder.Path);

        Assert.Equal(("query: ", "passage: "), (folder.QueryPrefix, folder.PassagePrefix));
        Assert.Equal("intfloat/multilingual-e5-small", folder.ModelId);
        Assert.Equal(EmbeddingPooling.Mean, folder.Pooling);
        Assert.True(folder.Normalize);
    }

    [Fact]
    public void Encoder_length_is_the_smaller_of_tokenizer_and_position_limits()
    {
        WriteModelAndVocabulary();
        _folder.Write("config.json", BertConfig);
        _folder.Write("tokenizer_config.json", """{"model_max_length": 1000000000000000019884624838656}""");
        Assert.Equal(64, ModelFolder.Load(_folder.Path).MaxLength);

        _folder.Write("tokenizer_config.json", """{"model_max_length": 40}""");
        Assert.Equal(40, ModelFolder.Load(_folder.Path).MaxLength);
        Assert.Equal(16, ModelFolder.Load(_folder.Path, maxLength: 16).MaxLength);
    }

    [Fact]
    public void Chat_template_missing_its_tokens_is_rejected()
    {
        WriteModelAndVocabulary();
        _folder.Write("config.json", """{"model_type": "qwen2", "num_hidden_layers": 1, "num_attention_heads": 2, "hidden_size": 8, "eos_token_id": 1}""");

        var error = Assert.Throws<ModelFolderException>(() => ModelFolder.Load(_folder.Path));

        Assert.Contains("the chatml chat template needs the token <|im_start|>, which the tokenizer does not have", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Chat_template_comes_from_tokenizer_config_then_manifest()
    {
        WriteModelAndVocabulary();
        _folder.Write("config.json", """{"model_type": "mistral", "num_hidden_layers": 1, "num_attention_heads": 2, "hidden_size": 8, "eos_token_id": 1}""");
        Assert.Equal(ChatTemplateKind.Llama2, ModelFolder.Load(_folder.Path).ChatFormatter!.Kind);

        _folder.Write("ragp-model.json", """{"eosTokenIds": [3, 2]}""");
        Assert.Equal([1, 2, 3], ModelFolder.Load(_folder.Path).EosTokenIds);
    }

    [Fact]
    public void Wrongly_typed_config_field_is_reported()
    {
        WriteModelAndVocabulary();
        _folder.Write("config.json", """{"model_type": "bert", "hidden_size": "eight"}""");

        var error = Assert.Throws<ModelFolderException>(() => ModelFolder.Load(_folder.Path));

        Assert.Equal($"{_folder.File("config.json")}: 'hidden_size' must be an integer, found \"eight\".", error.Message);
    }

    private void WriteModelAndVocabulary()
    {
        _folder.Write("model.onnx", "");
        WriteVocabulary();
    }

    private void WriteVocabulary() =>
        _folder.Write(WordPieceModelTokenizer.VocabularyFileName, string.Join('\n', "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "hello", "world"));
}
