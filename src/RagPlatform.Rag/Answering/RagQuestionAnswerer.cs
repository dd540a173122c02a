using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using RagPlatform.Core.Answers;
using RagPlatform.Core.Retrieval;
using RagPlatform.Core.Text;
using RagPlatform.Rag.Kernel;
using RagPlatform.Retrieval;

namespace RagPlatform.Rag.Answering;

/// <summary>
/// The platform's question answering: validates the question, retrieves through the kernel's "retrieval.search"
/// function, and answers extractively or with the configured generator.
/// </summary>
public sealed class RagQuestionAnswerer(
    Microsoft.SemanticKernel.Kernel kernel,
    ITextAnalyzer analyzer,
    ExtractiveAnswerer extractive,
    IOptions<AnsweringOptions> options,
    IOptions<RetrievalOptions> retrievalOptions,
    ILogger<RagQuestionAnswerer> logger,
    GenerativeAnswerer? generative = null) : IQuestionAnswerer
{
    private readonly AnsweringOptions _options = options.Value;

    public async Task<GroundedAnswer> AskAsync(AskRequest request, CancellationToken cancellationToken = default)
    {
        GroundedAnswer? completed = null;
        await foreach (var update in AskStreamingAsync(request, cancellationToken).ConfigureAwait(false))
        {
            completed = update.Completed ?? completed;
        }

        return completed ?? throw new InvalidOperationException("The answer stream ended without a final answer.");
    }

    public async IAsyncEnumerable<AnswerUpdate> AskStreamingAsync(
        AskRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var question = Validate(request.Question);
        var language = LanguageDetector.Detect(question);
        var query = ConversationQuery.Build(question, request.History, analyzer);
        var context = await RetrieveAsync(query, request.TopK ?? retrievalOptions.Value.TopK, request.Filter, request.Weights, cancellationToken).ConfigureAwait(false);
        logger.LogDebug("Retrieved {Count} chunks for {Query}", context.Count, query);

        if (UseGenerator(out var generator))
        {
            await foreach (var update in generator.AnswerAsync(request with { Question = question }, language, context, cancellationToken).ConfigureAwait(false))
            {
                yield return update;
            }

            yield break;
        }

        foreach (var update in extractive.AnswerIncrementally(question, language, context))
        {
            yield return update;
        }
    }

    private bool UseGenerator(out GenerativeAnswerer generator)
    {
        generator = generative!;
        return _options.Mode switch
        {
            AnsweringModeSetting.Extractive => false,
            AnsweringModeSetting.Generative => generative is not null
                ? true
                : throw new InvalidOperationException(
                    "Answering:Mode is Generative but no generator model is configured: set Models:Generator to an ONNX model folder or an OpenAI-compatible endpoint, or use Answering:Mode=Extractive."),
            _ => generative is not null,
        };
    }

    private async Task<IReadOnlyList<ScoredChunk>> RetrieveAsync(
        string query, int top, SearchFilter? filter, FusionWeights? weights, CancellationToken cancellationToken)
    {
        var arguments = new KernelArguments { ["query"] = query, ["top"] = top, ["filter"] = filter, ["weights"] = weights };
        var result = await kernel.InvokeAsync(RetrievalPlugin.PluginName, RetrievalPlugin.SearchFunctionName, arguments, cancellationToken).ConfigureAwait(false);
        return result.GetValue<IReadOnlyList<ScoredChunk>>() ?? [];
    }

    private string Validate(string? question)
    {
        var trimmed = question?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            throw new ArgumentException("The question is empty: ask something about the documents, e.g. \"What is self-attention?\".", nameof(question));
        }

        if (trimmed.Length > _options.MaxQuestionLength)
        {
            throw new ArgumentException(
                $"The question is {trimmed.Length} characters long; the limit is {_options.MaxQuestionLength} (setting Answering:MaxQuestionLength). Shorten it or raise the limit.",
                nameof(question));
        }

        return trimmed;
    }
}
