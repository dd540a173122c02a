using System.Text.Json;
using RagPlatform.Api.Tests.Infrastructure;

namespace RagPlatform.Api.Tests.Rag;

public sealed class AskApiTests : IAsyncLifetime
{
    private RagServer? _rag;

    private RagServer Rag => _rag!;

    public async Task InitializeAsync() => _rag = await RagServer.StartAsync();

    public async Task DisposeAsync() => await Rag.DisposeAsync();

    [Fact]
    public async Task Ask_answers_from_the_documents_with_citations_and_scored_context()
    {
        using var response = await Rag.Http.PostAsync("api/ask", HttpHelpers.Json("""{"question":"What does self-attention let every token do?","topK":2}"""));
        var answer = await response.ReadJsonAsync();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.False(answer.GetProperty("abstained").GetBoolean());
        Assert.Equal("en", answer.GetProperty("language").GetString());
        Assert.Equal("extractive", answer.GetProperty("mode").GetString());
        Assert.Contains("weigh every other token", answer.GetProperty("answer").GetString(), StringComparison.Ordinal);
        var citation = answer.GetProperty("citations")[0];
        Assert.Equal(1, citation.GetProperty("number").GetInt32());
        Assert.Equal(Rag.DocumentIds[RagServer.AttentionDocument], citation.GetProperty("documentId").GetString());
        var quote = citation.GetProperty("quote").GetString()!;
        var start = citation.GetProperty("startOffset").GetInt32();
        var end = citation.GetProperty("endOffset").GetInt32();
        Assert.Equal(quote.Length, end - start);
        var context = answer.GetProperty("context").EnumerateArray().ToList();
        Assert.InRange(context.Count, 1, 2);
        Assert.Equal(Rag.DocumentIds[RagServer.AttentionDocument], context[0].GetProperty("documentId").GetString());
        Assert.True(context[0].GetProperty("score").GetDouble() > 0);
        Assert.Contains("Self-attention", context[0].GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Document_filter_restricts_the_context()
    {
        var chunkingId = Rag.DocumentIds[RagServer.ChunkingDocument];

        using var response = await Rag.Http.PostAsync("api/ask", HttpHelpers.Json(
            $$"""{"question":"What does self-attention let every token do?","documentIds":["{{chunkingId}}"]}"""));
        var answer = await response.ReadJsonAsync();

        Assert.All(answer.GetProperty("context").EnumerateArray(), chunk => Assert.Equal(chunkingId, chunk.GetProperty("documentId").GetString()));
        Assert.All(answer.GetProperty("citations").EnumerateArray(), c => Assert.Equal(chunkingId, c.GetProperty("documentId").GetString()));
    }

    [Fact]
    public async Task A_question_the_documents_do_not_cover_is_abstained()
    {
        using var response = await Rag.Http.PostAsync("api/ask", HttpHelpers.Json("""{"question":"Who won the football world cup in 1998?"}"""));
        var answer = await response.ReadJsonAsync();

        Assert.True(answer.GetProperty("abstained").GetBoolean());
        Assert.Empty(answer.GetProperty("citations").EnumerateArray());
    }

    [Theory]
    [InlineData("""{"question":"   "}""", "question")]
    [InlineData("""{"question":"What is chunking?","topK":0}""", "topK")]
    [InlineData("""{"question":"What is chunking?","documentIds":[""]}""", "documentIds")]
    [InlineData("""{"question":"What is chunking?","tags":[" "]}""", "tags")]
    [InlineData("""{"question":"What is chunking?","metadata":{"owner.name":"tim"}}""", "metadata")]
    [InlineData("""{"question":"What is chunking?","hybridWeight":1.5}""", "hybridWeight")]
    [InlineData("""{"question":"What is chunking?","hybridWeight":-0.5}""", "hybridWeight")]
    [InlineData("""{"question":42}""", "question")]
    public async Task Invalid_questions_are_400_problem_details_naming_the_field(string body, string param)
    {
        using var response = await Rag.Http.PostAsync("api/ask", HttpHelpers.Json(body));

        var problem = await response.AssertProblemAsync(400);
        Assert.Equal(param, problem.GetProperty("param").GetString());
    }

    [Fact]
    public async Task A_hybrid_weight_is_accepted_and_an_invalid_one_names_its_range()
    {
        using var accepted = await Rag.Http.PostAsync("api/ask", HttpHelpers.Json("""{"question":"What does self-attention let every token do?","hybridWeight":0.25}"""));
        using var rejected = await Rag.Http.PostAsync("api/ask", HttpHelpers.Json("""{"question":"What is chunking?","hybridWeight":2}"""));

        Assert.Equal(200, (int)accepted.StatusCode);
        Assert.False((await accepted.ReadJsonAsync()).GetProperty("abstained").GetBoolean());
        var problem = await rejected.AssertProblemAsync(400);
        Assert.Equal("'hybridWeight' is 2; it must be between 0 (keyword only) and 1 (semantic only).", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_empty_question_says_what_to_ask()
    {
        using var response = await Rag.Http.PostAsync("api/ask", HttpHelpers.Json("""{"question":""}"""));

        var problem = await response.AssertProblemAsync(400);
        Assert.StartsWith("The question is empty", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_sends_deltas_then_the_full_answer()
    {
        using var response = await Rag.Http.PostAsync("api/ask/stream", HttpHelpers.Json("""{"question":"How do chunks keep boundary sentences retrievable?"}"""));
        var events = await response.ReadEventsAsync();

        Assert.Equal(200, (int)response.StatusCode);
        var deltas = events.Where(e => e.EventType == "delta").Select(e => JsonDocument.Parse(e.Data).RootElement.GetProperty("text").GetString()).ToList();
        Assert.NotEmpty(deltas);
        Assert.Equal("answer", events[^1].EventType);
        Assert.Equal(events.Count - 1, deltas.Count);
        var answer = JsonDocument.Parse(events[^1].Data).RootElement;
        Assert.Equal(answer.GetProperty("answer").GetString(), string.Concat(deltas));
        Assert.Contains("Overlap", answer.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal(Rag.DocumentIds[RagServer.ChunkingDocument], answer.GetProperty("citations")[0].GetProperty("documentId").GetString());
    }

    [Fact]
    public async Task Stream_rejects_an_invalid_question_before_streaming()
    {
        using var response = await Rag.Http.PostAsync("api/ask/stream", HttpHelpers.Json("""{"question":""}"""));

        await response.AssertProblemAsync(400);
    }
}
