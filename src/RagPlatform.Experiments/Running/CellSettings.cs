using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using RagPlatform.Experiments.Definition;
using RagPlatform.Rag.Answering;
using RagPlatform.Rag.Hosting;

namespace RagPlatform.Experiments.Running;

/// <summary>
/// The configuration one cell runs with: the application's configuration with the cell's model, retrieval and
/// prompt-template settings laid over it, and a store of its own unless the experiment names one.
/// </summary>
internal static class CellSettings
{
    private const string GeneratorSection = ModelServiceCollectionExtensions.SectionName + ":Generator";
    private const string EmbeddingSection = ModelServiceCollectionExtensions.SectionName + ":Embedding";
    private const string StoresFolder = "stores";

    /// <summary>Every setting, sorted by key; cells with equal settings share one service provider.</summary>
    public static SortedDictionary<string, string> For(IConfiguration configuration, ExperimentDefinition definition, ExperimentCell cell, string outputDirectory)
    {
        var settings = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in configuration.AsEnumerable())
        {
            if (value is not null && !(cell.Model.UsesConfiguredModels is false && (IsUnder(key, GeneratorSection) || IsUnder(key, EmbeddingSection))))
            {
                settings[key] = value;
            }
        }

        foreach (var (key, value) in Overrides(cell))
        {
            settings[key] = value;
        }

        if (definition.PromptLibraryPath is { } library)
        {
            settings["Prompts:Directory"] = library;
        }

        AddStore(settings, definition, outputDirectory);
        return settings;
    }

    /// <summary>The settings the cell's variants set, whatever the application's configuration holds.</summary>
    public static SortedDictionary<string, string> Overrides(ExperimentCell cell)
    {
        var settings = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        AddModel(settings, cell.Model);
        AddRetrieval(settings, cell.Retrieval);
        if (cell.Prompt.Template is { } template)
        {
            settings[$"{AnsweringOptions.SectionName}:{nameof(AnsweringOptions.PromptTemplate)}"] = template;
        }

        return settings;
    }

    /// <summary>The settings of a model section, keyed relative to it; empty when no model is configured there.</summary>
    public static IReadOnlyDictionary<string, string> Section(IReadOnlyDictionary<string, string> settings, string section) =>
        settings.Where(pair => IsUnder(pair.Key, section))
            .ToDictionary(pair => pair.Key[(section.Length + 1)..], pair => pair.Value, StringComparer.OrdinalIgnoreCase);

    public static bool HasEmbeddingModel(IReadOnlyDictionary<string, string> settings) => IsModelConfigured(Section(settings, EmbeddingSection));

    public static bool HasGenerator(IReadOnlyDictionary<string, string> settings) => IsModelConfigured(Section(settings, GeneratorSection));

    public static string StorePath(IReadOnlyDictionary<string, string> settings) => settings[$"{StoreOptions.SectionName}:{nameof(StoreOptions.Path)}"];

    // Mirrors what AddConfiguredModels registers: a local folder (Path) or a server (Endpoint).
    private static bool IsModelConfigured(IReadOnlyDictionary<string, string> section) =>
        section.TryGetValue("Path", out var path) && path.Length > 0 || section.TryGetValue("Endpoint", out var endpoint) && endpoint.Length > 0;

    private static bool IsUnder(string key, string section) =>
        key.Length > section.Length && key.StartsWith(section, StringComparison.OrdinalIgnoreCase) && key[section.Length] == ':';

    private static void AddModel(SortedDictionary<string, string> settings, ModelVariant model)
    {
        if (model.UsesConfiguredModels)
        {
            return;
        }

        foreach (var (section, values) in new[] { (GeneratorSection, model.Generator), (EmbeddingSection, model.Embedding) })
        {
            foreach (var (key, value) in values ?? new Dictionary<string, string>())
            {
                settings[$"{section}:{key}"] = value;
            }
        }

        settings[$"{AnsweringOptions.SectionName}:{nameof(AnsweringOptions.Mode)}"] =
            (model.Generator is null ? AnsweringModeSetting.Extractive : AnsweringModeSetting.Generative).ToString();
    }

    private static void AddRetrieval(SortedDictionary<string, string> settings, RetrievalVariant retrieval)
    {
        void Set(string key, object? value)
        {
            if (value is not null)
            {
                settings[$"Retrieval:{key}"] = Convert.ToString(value, CultureInfo.InvariantCulture)!;
            }
        }

        Set("Mode", retrieval.Mode);
        Set("TopK", retrieval.TopK);
        Set("KeywordWeight", retrieval.KeywordWeight);
        Set("DenseWeight", retrieval.DenseWeight);
        Set("UseMmr", retrieval.UseMmr);
        Set("MmrLambda", retrieval.MmrLambda);
    }

    // Vectors from different embedding models cannot share an index, so each embedding setting gets its own store.
    private static void AddStore(SortedDictionary<string, string> settings, ExperimentDefinition definition, string outputDirectory)
    {
        foreach (var key in settings.Keys.Where(key => IsUnder(key, StoreOptions.SectionName)).ToList())
        {
            settings.Remove(key);
        }

        settings[$"{StoreOptions.SectionName}:{nameof(StoreOptions.Provider)}"] = StoreOptions.SqliteProvider;
        settings[$"{StoreOptions.SectionName}:{nameof(StoreOptions.IngestSampleCorpusWhenEmpty)}"] = bool.FalseString;
        if (definition.CorpusPath is { } corpus)
        {
            settings[$"{StoreOptions.SectionName}:{nameof(StoreOptions.SampleCorpusPath)}"] = corpus;
        }

        var embedding = Section(settings, EmbeddingSection);
        var storeName = IsModelConfigured(embedding)
            ? "embedding-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", embedding.OrderBy(pair => pair.Key, StringComparer.OrdinalIgnoreCase)))))[..12]
            : "keyword";
        settings[$"{StoreOptions.SectionName}:{nameof(StoreOptions.Path)}"] = definition.StorePath ?? Path.Combine(outputDirectory, StoresFolder, storeName);
    }
}
