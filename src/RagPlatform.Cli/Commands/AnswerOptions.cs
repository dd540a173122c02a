using System.CommandLine;
using RagPlatform.Core.Retrieval;
using RagPlatform.Prompts;
using RagPlatform.Rag.Answering;

namespace RagPlatform.Cli.Commands;

/// <summary>Options shared by the commands that answer questions (ask, chat) and by <c>ragp prompts render</c>.</summary>
internal static class AnswerOptions
{
    public static readonly Option<int?> TopK = new("--top-k", "-k")
    {
        Description = "How many passages to retrieve per question (default Retrieval:TopK = 5)",
    };

    public static readonly Option<double?> HybridWeight = new("--hybrid-weight")
    {
        Description = "Hybrid search balance from 0 (keyword only) to 1 (semantic only); needs an embedding model (default Retrieval:KeywordWeight and DenseWeight)",
    };

    public static readonly Option<AnsweringModeSetting?> Mode = new("--mode")
    {
        Description = "auto (generate when a generator model is configured), extractive (quote sources only) or generative",
    };

    /// <summary>One option per prompt framework kind (--persona, --requirements, …), named as the kind is.</summary>
    public static readonly IReadOnlyList<PromptComponentOption> PromptComponents =
        PromptComponentKinds.All.Select(kind => new PromptComponentOption(kind, new Option<string?>("--" + kind.GetName())
        {
            Description = kind == PromptComponentKind.Requirements
                ? "Comma-separated requirement names for generated answers (default from prompts/defaults.yaml; see 'ragp prompts list')"
                : $"The {kind.GetName()} of generated answers (default from prompts/defaults.yaml; see 'ragp prompts list --kind {kind.GetName()}')",
        })).ToList();

    /// <summary>Adds everything a question-answering command accepts: --top-k, --hybrid-weight, --mode, --tag/--meta filters and the prompt components.</summary>
    public static void AddTo(Command command)
    {
        command.Options.Add(TopK);
        command.Options.Add(HybridWeight);
        command.Options.Add(Mode);
        LabelOptions.ForFilter.AddTo(command);
        AddPromptComponentsTo(command);
    }

    /// <summary>The --tag/--meta filter of a question-answering command, or null when none was given.</summary>
    public static SearchFilter? GetFilter(CommandContext context) => LabelOptions.ForFilter.GetFilter(context.ParseResult);

    public static void AddPromptComponentsTo(Command command)
    {
        foreach (var component in PromptComponents)
        {
            command.Options.Add(component.Option);
        }
    }

    /// <summary>
    /// The prompt components chosen on the command line, keyed by kind name as <c>AskRequest.PromptComponents</c>
    /// expects, after checking every name against the prompt library; null when none was chosen.
    /// </summary>
    /// <exception cref="PromptLibraryException">An unknown name; the message lists the valid ones.</exception>
    public static IReadOnlyDictionary<string, string>? GetPromptComponents(CommandContext context)
    {
        var chosen = PromptComponents
            .Select(component => (component.Kind, Value: context.ParseResult.GetValue(component.Option)?.Trim()))
            .Where(component => !string.IsNullOrEmpty(component.Value))
            .ToList();
        if (chosen.Count == 0)
        {
            return null;
        }

        var library = context.Get<PromptLibrary>();
        foreach (var (kind, value) in chosen)
        {
            string[] names = kind == PromptComponentKind.Requirements
                ? value!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [value!];
            foreach (var name in names)
            {
                library.GetComponent(kind, name);
            }
        }

        return chosen.ToDictionary(component => component.Kind.GetName(), component => component.Value!);
    }

    /// <summary>The fusion weights chosen with --hybrid-weight, or null for the configured ones.</summary>
    /// <exception cref="ArgumentException">The value is outside 0–1.</exception>
    public static FusionWeights? GetWeights(ParseResult parseResult) =>
        parseResult.GetValue(HybridWeight) switch
        {
            null => null,
            double share when FusionWeights.IsDenseShare(share) => FusionWeights.FromDenseShare(share),
            double share => throw new ArgumentException(
                $"--hybrid-weight must be between 0 (keyword only) and 1 (semantic only), got {share.ToString(System.Globalization.CultureInfo.InvariantCulture)}."),
        };

    public static IReadOnlyDictionary<string, string?> ToConfiguration(ParseResult parseResult)
    {
        var settings = new Dictionary<string, string?>();
        if (parseResult.GetValue(Mode) is { } mode)
        {
            settings[$"{AnsweringOptions.SectionName}:{nameof(AnsweringOptions.Mode)}"] = mode.ToString();
        }

        if (parseResult.GetValue(TopK) is { } topK)
        {
            if (topK is < 1 or > 100)
            {
                throw new ArgumentException($"--top-k must be between 1 and 100 (got {topK}).");
            }

            settings["Retrieval:TopK"] = topK.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return settings;
    }
}

internal sealed record PromptComponentOption(PromptComponentKind Kind, Option<string?> Option);
