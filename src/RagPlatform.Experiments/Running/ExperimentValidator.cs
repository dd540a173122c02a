using RagPlatform.Experiments.Definition;
using RagPlatform.Prompts;
using RagPlatform.Retrieval;

namespace RagPlatform.Experiments.Running;

/// <summary>
/// The checks that need the prompt library and the cells' settings: component and template names, templates that
/// render an answer prompt, retrieval modes that need an embedding model, servers without a model name.
/// </summary>
internal static class ExperimentValidator
{
    private const string ProbeQuestion = "Is this prompt variant valid?";

    /// <returns>Problems (each "field: message"), and notes that do not stop the run.</returns>
    public static async Task<(List<string> Problems, List<string> Notes)> ValidateAsync(
        ExperimentDefinition definition,
        IReadOnlyList<(ExperimentCell Cell, IReadOnlyDictionary<string, string> Settings)> cells,
        PromptLibrary library,
        CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var notes = new List<string>();
        var composer = new PromptComposer(library);
        for (var index = 0; index < definition.Prompts.Count; index++)
        {
            await CheckPromptAsync(definition.Prompts[index], $"prompts[{index}]", library, composer, problems, cancellationToken).ConfigureAwait(false);
        }

        for (var index = 0; index < definition.Models.Count; index++)
        {
            CheckServers(definition.Models[index], $"models[{index}]", problems);
        }

        foreach (var (cell, settings) in cells.DistinctBy(entry => (entry.Cell.Model.Name, entry.Cell.Retrieval.Name)))
        {
            var mode = cell.Retrieval.Mode ?? (Enum.TryParse<RetrievalMode>(settings.GetValueOrDefault("Retrieval:Mode"), true, out var configured) ? configured : RetrievalMode.Auto);
            if (mode is RetrievalMode.Dense or RetrievalMode.Hybrid && !CellSettings.HasEmbeddingModel(settings))
            {
                problems.Add(
                    $"{RetrievalField(definition, cell.Retrieval)}: {mode} retrieval needs an embedding model, but model '{cell.Model.Name}' has none; " +
                    "give the model an 'embedding' (Path of an ONNX folder, or Endpoint and Model of a server) or use keyword retrieval.");
            }
        }

        if (definition.Prompts.Count > 1)
        {
            foreach (var model in definition.Models.Where(model => !CellSettings.HasGenerator(cells.First(entry => entry.Cell.Model == model).Settings)))
            {
                notes.Add($"Model '{model.Name}' has no generator, so its answers are extractive and its cells differ only in retrieval, not in prompt.");
            }
        }

        return (problems, notes);
    }

    private static async Task CheckPromptAsync(
        PromptVariant prompt, string field, PromptLibrary library, PromptComposer composer, List<string> problems, CancellationToken cancellationToken)
    {
        var componentsValid = true;
        foreach (var (kindName, value) in prompt.Components)
        {
            var kind = PromptComponentKinds.Parse(kindName);
            foreach (var name in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                try
                {
                    library.GetComponent(kind, name);
                }
                catch (PromptLibraryException exception)
                {
                    problems.Add($"{field}.{kindName}: {exception.Message}");
                    componentsValid = false;
                }
            }
        }

        if (prompt.Template is { } template && !library.TemplateNames.Contains(template, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add($"{field}.template: unknown template '{template}'. Valid templates in {library.Directory}: {string.Join(", ", library.TemplateNames)}.");
            return;
        }

        if (!componentsValid)
        {
            return;
        }

        // Rendering once with a probe question catches templates that need other variables or render the wrong messages.
        try
        {
            await composer.ComposeAnswerPromptAsync(
                prompt.Template ?? PromptTemplateNames.RagAnswer, PromptSelection.FromComponents(prompt.Components), ProbeQuestion, [], null, cancellationToken).ConfigureAwait(false);
        }
        catch (PromptLibraryException exception)
        {
            problems.Add($"{field}{(prompt.Template is null ? "" : ".template")}: {exception.Message}");
        }
    }

    private static void CheckServers(ModelVariant model, string field, List<string> problems)
    {
        foreach (var (section, settings) in new[] { ("generator", model.Generator), ("embedding", model.Embedding) })
        {
            if (settings is not null && settings.ContainsKey("Endpoint") && !settings.ContainsKey("Model"))
            {
                problems.Add($"{field}.{section}: Endpoint is set but Model is not; name the model the server should use.");
            }

            if (settings is not null && !settings.ContainsKey("Endpoint") && !settings.ContainsKey("Path"))
            {
                problems.Add($"{field}.{section}: set Path (a local ONNX model folder) or Endpoint and Model (an OpenAI-compatible server).");
            }
        }
    }

    private static string RetrievalField(ExperimentDefinition definition, RetrievalVariant retrieval) =>
        ReferenceEquals(retrieval, RetrievalVariant.Configured)
            ? "Retrieval:Mode (configured; the experiment lists no retrieval variants)"
            : $"retrieval[{definition.Retrieval.ToList().IndexOf(retrieval)}].mode";
}
