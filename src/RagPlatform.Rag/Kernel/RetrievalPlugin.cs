using System.ComponentModel;
using Microsoft.SemanticKernel;
using RagPlatform.Core.Retrieval;

namespace RagPlatform.Rag.Kernel;

/// <summary>Exposes document retrieval to Semantic Kernel as the function "retrieval.search".</summary>
public sealed class RetrievalPlugin(IRetriever retriever)
{
    public const string PluginName = "retrieval";
    public const string SearchFunctionName = "search";

    [KernelFunction(SearchFunctionName)]
    [Description("Searches the indexed documents and returns the passages most relevant to the query, best first.")]
    public Task<IReadOnlyList<ScoredChunk>> SearchAsync(
        [Description("What to look for")] string query,
        [Description("How many passages to return")] int top = 5,
        SearchFilter? filter = null,
        [Description("How much keyword and semantic (dense) ranking count in hybrid search; omit for the configured weights")] FusionWeights? weights = null,
        CancellationToken cancellationToken = default) =>
        retriever.RetrieveAsync(new RetrievalRequest(query, top, filter, weights), cancellationToken);
}
