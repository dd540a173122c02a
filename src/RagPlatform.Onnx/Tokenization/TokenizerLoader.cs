namespace RagPlatform.Onnx.Tokenization;

/// <summary>Finds a model folder's tokenizer files and builds the matching tokenizer.</summary>
internal static class TokenizerLoader
{
    public static ModelTokenizer Load(string directory, string modelType, TokenizerSettings settings)
    {
        if (File.Exists(Path.Combine(directory, WordPieceModelTokenizer.VocabularyFileName)))
        {
            return WordPieceModelTokenizer.Load(directory, settings);
        }

        var sentencePieceModel = SentencePieceModelTokenizer.ModelFileNames
            .Select(name => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
        if (sentencePieceModel is not null)
        {
            return SentencePieceModelTokenizer.Load(sentencePieceModel, settings, fairseqIds: modelType == "xlm-roberta");
        }

        var hasVocabulary = File.Exists(Path.Combine(directory, ByteLevelBpeModelTokenizer.VocabularyFileName));
        var hasMerges = File.Exists(Path.Combine(directory, ByteLevelBpeModelTokenizer.MergesFileName));
        if (hasVocabulary && hasMerges)
        {
            return ByteLevelBpeModelTokenizer.LoadFromFiles(directory, settings, modelType);
        }

        if (settings.BpeModel is { } bpeModel)
        {
            return ByteLevelBpeModelTokenizer.LoadFromTokenizerJson(directory, bpeModel, settings, modelType);
        }

        var hint = hasVocabulary ? " (vocab.json is there but merges.txt is missing)"
            : hasMerges ? " (merges.txt is there but vocab.json is missing)"
            : "";
        throw new ModelFolderException(
            $"no tokenizer found in {directory}: expected vocab.txt, tokenizer.model or vocab.json+merges.txt{hint}. " +
            "Copy the tokenizer files from the model's Hugging Face repository into the folder.");
    }
}
