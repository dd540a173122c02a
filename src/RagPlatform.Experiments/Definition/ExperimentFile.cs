using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RagPlatform.Prompts;
using RagPlatform.Retrieval;

namespace RagPlatform.Experiments.Definition;

/// <summary>
/// Reads an experiment file (YAML, or JSON with a .json extension; one schema) and checks everything that does
/// not need the prompt library or models: required fields, value ranges, paths that must exist, unique names.
/// </summary>
/// <example>
/// <code>
/// name: retrieval-and-prompts
/// dataset: ../qa.jsonl          # QA JSON lines; paths are relative to this file
/// seed: 7
/// repetitions: 2
/// prompts:
///   - name: tutor
///     persona: tutor
///     requirements: [cite-sources, concise]
/// models:
///   - name: extractive          # no generator: sentences quoted from the sources
/// retrieval:
///   - name: keyword-top3
///     mode: keyword
///     topK: 3
/// </code>
/// </example>
public static partial class ExperimentFile
{
    private static readonly string[] RootFields =
        ["name", "dataset", "corpus", "store", "promptLibrary", "seed", "repetitions", "questionLimit", "prompts", "models", "retrieval"];

    private static readonly string[] PromptFields =
        ["name", "template", .. PromptComponentKinds.All.Select(kind => kind.GetName())];

    private static readonly string[] ModelFields = ["name", "generator", "embedding"];

    private static readonly string[] RetrievalFields = ["name", "mode", "topK", "keywordWeight", "denseWeight", "mmr", "mmrLambda"];

    /// <exception cref="ExperimentFileException">The file is missing, unreadable or invalid; the message lists every problem by field.</exception>
    public static async Task<ExperimentDefinition> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new ExperimentFileException(path, ["the experiment file does not exist"]);
        }

        var text = await File.ReadAllTextAsync(fullPath, cancellationToken).ConfigureAwait(false);
        if (StructuredDocument.Parse(fullPath, text) is not JsonObject root)
        {
            throw new ExperimentFileException(fullPath, ["expected a mapping with at least 'name' and 'dataset'"]);
        }

        var problems = new List<string>();
        var definition = Read(root, fullPath, problems);
        return problems.Count > 0 ? throw new ExperimentFileException(fullPath, problems) : definition;
    }

    private static ExperimentDefinition Read(JsonObject root, string fullPath, List<string> problems)
    {
        var folder = Path.GetDirectoryName(fullPath)!;
        var fields = new FieldReader(root, "", problems, RootFields);
        var name = Name(fields);
        var dataset = ExistingPath(fields, "dataset", folder, File.Exists, "file", required: true);
        var corpus = ExistingPath(fields, "corpus", folder, Directory.Exists, "folder");
        var store = ExistingPath(fields, "store", folder, Directory.Exists, "folder");
        if (corpus is not null && store is not null)
        {
            fields.Report("store", "set either 'corpus' (indexed into the experiment's own store) or 'store' (an existing store used as it is), not both");
        }

        var promptLibrary = ExistingPath(fields, "promptLibrary", folder, Directory.Exists, "folder");
        var seed = fields.Integer("seed", long.MinValue, long.MaxValue) ?? 0;
        var repetitions = (int)(fields.Integer("repetitions", 1, 1000) ?? 1);
        var questionLimit = (int?)fields.Integer("questionLimit", 1, int.MaxValue);
        var prompts = Variants(fields, "prompts", problems, ReadPrompt) ?? [PromptVariant.Default];
        var models = Variants(fields, "models", problems, ReadModel(folder)) ?? [ModelVariant.Configured];
        var retrieval = Variants(fields, "retrieval", problems, ReadRetrieval) ?? [RetrievalVariant.Configured];
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(root.ToJsonString())));
        return new ExperimentDefinition(
            name ?? "", fullPath, hash, dataset ?? "", corpus, store, promptLibrary, seed, repetitions, questionLimit, prompts, models, retrieval);
    }

    private static string? Name(FieldReader fields, string field = "name")
    {
        var name = fields.String(field, required: true);
        if (name is not null && !NamePattern().IsMatch(name))
        {
            fields.Report(field, $"'{name}' must be 1-64 letters, digits, '.', '-' or '_', starting with a letter or digit (it names folders and files)");
            return null;
        }

        return name;
    }

    private static string? ExistingPath(FieldReader fields, string field, string folder, Func<string, bool> exists, string kind, bool required = false)
    {
        var value = fields.String(field, required);
        if (value is null)
        {
            return null;
        }

        var resolved = Path.GetFullPath(value, folder);
        if (!exists(resolved))
        {
            fields.Report(field, $"{kind} '{value}' (resolved to {resolved}) does not exist; paths are relative to the experiment file");
            return null;
        }

        return resolved;
    }

    private static List<T>? Variants<T>(FieldReader fields, string field, List<string> problems, Func<FieldReader, T?> read)
        where T : class
    {
        var list = fields.Array(field);
        if (list is null)
        {
            return null;
        }

        if (list.Count == 0)
        {
            fields.Report(field, "lists no variants; list at least one, or leave the field out to use the configured settings");
            return null;
        }

        var variants = new List<T>();
        var firstIndexByName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var index = 0; index < list.Count; index++)
        {
            var path = $"{fields.FieldPath(field)}[{index}]";
            if (list[index] is not JsonObject entry)
            {
                problems.Add($"{path}: expected a mapping with at least 'name'");
                continue;
            }

            var reader = new FieldReader(entry, path, problems, FieldsOf(field));
            var name = Name(reader);
            var variant = read(reader);
            if (name is not null && !firstIndexByName.TryAdd(name, index))
            {
                reader.Report("name", $"'{name}' is already used by {field}[{firstIndexByName[name]}]; variant names must be unique");
            }
            else if (variant is not null)
            {
                variants.Add(variant);
            }
        }

        return variants;
    }

    private static string[] FieldsOf(string list) => list switch
    {
        "prompts" => PromptFields,
        "models" => ModelFields,
        _ => RetrievalFields,
    };

    private static PromptVariant? ReadPrompt(FieldReader fields)
    {
        var components = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var kind in PromptComponentKinds.All)
        {
            var value = kind == PromptComponentKind.Requirements ? fields.StringOrList(kind.GetName()) : fields.String(kind.GetName());
            if (value is not null)
            {
                components[kind.GetName()] = value;
            }
        }

        var name = fields.String("name");
        return name is null ? null : new PromptVariant(name, components, fields.String("template"));
    }

    private static Func<FieldReader, ModelVariant?> ReadModel(string folder) => fields =>
    {
        var name = fields.String("name");
        var generator = ResolveModelPath(fields.Settings("generator"), folder);
        var embedding = ResolveModelPath(fields.Settings("embedding"), folder);
        return name is null ? null : new ModelVariant(name, generator, embedding);
    };

    // A local model folder is written relative to the experiment file, like the dataset; server endpoints are left alone.
    private static Dictionary<string, string>? ResolveModelPath(IReadOnlyDictionary<string, string>? settings, string folder)
    {
        if (settings is null)
        {
            return null;
        }

        var resolved = new Dictionary<string, string>(settings, StringComparer.OrdinalIgnoreCase);
        if (resolved.TryGetValue("Path", out var path))
        {
            resolved["Path"] = Path.GetFullPath(path, folder);
        }

        return resolved;
    }

    private static RetrievalVariant? ReadRetrieval(FieldReader fields)
    {
        RetrievalMode? mode = null;
        if (fields.String("mode") is { } modeText)
        {
            if (Enum.TryParse<RetrievalMode>(modeText, ignoreCase: true, out var parsed) && !int.TryParse(modeText, out _))
            {
                mode = parsed;
            }
            else
            {
                fields.Report("mode", $"'{modeText}' is not a retrieval mode; use keyword, dense, hybrid or auto");
            }
        }

        var keywordWeight = fields.Number("keywordWeight", 0, 1000);
        var denseWeight = fields.Number("denseWeight", 0, 1000);
        if (keywordWeight == 0 && denseWeight == 0)
        {
            fields.Report("denseWeight", "keywordWeight and denseWeight cannot both be 0");
        }

        var name = fields.String("name");
        var topK = (int?)fields.Integer("topK", 1, 100);
        var useMmr = fields.Boolean("mmr");
        var mmrLambda = fields.Number("mmrLambda", 0, 1);
        return name is null ? null : new RetrievalVariant(name, mode, topK, keywordWeight, denseWeight, useMmr, mmrLambda);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex NamePattern();
}
