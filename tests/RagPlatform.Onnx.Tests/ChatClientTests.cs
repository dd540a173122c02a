using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using Microsoft.Extensions.Logging.Abstractions;
using RagPlatform.Core.Generation;
using RagPlatform.Onnx.Folders;
using RagPlatform.Onnx.Runtime;
using RagPlatform.Onnx.TestModels;

namespace RagPlatform.Onnx.Tests;

[Collection(ModelFolderCollection.Name)]
public sealed class ChatClientTests(ModelFolders folders)
{
    private static readonly ChatMessage[] Question =
    [
        new(ChatRole.System, "You help students."),
        new(ChatRole.User, "What is retrieval in a language model?"),
    ];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Greedy_generation_equals_argmax_over_the_reference_logits(bool sentencePiece)
    {
        var directory = sentencePiece ? folders.SentencePieceDecoder : folders.BpeDecoder;
        var folder = ModelFolder.Load(directory);
        ChatMessage[] greeting = [new(ChatRole.User, "hello")];
        var prompt = folder.Tokenizer.Encode(folder.ChatFormatter!.Format(greeting));
        var expected = ReferenceDecoding.Greedy(folders.DecoderWeights, prompt, folder.EosTokenIds.ToHashSet(), maxTokens: 6);
        using var client = Client(directory);

        var response = await client.GetResponseAsync(greeting, new ChatOptions { MaxOutputTokens = 6 });

        var text = folder.Tokenizer.Decode(expected.Where(id => !folder.EosTokenIds.Contains(id)));
        Assert.Equal(text, response.Text);
        Assert.Equal(prompt.Count, response.Usage!.InputTokenCount);
        Assert.Equal(expected.Count, response.Usage.OutputTokenCount);
        Assert.Equal(folder.EosTokenIds.Contains(expected[^1]) ? ChatFinishReason.Stop : ChatFinishReason.Length, response.FinishReason);
    }

    [Fact]
    public void Key_value_cache_steps_equal_recomputing_the_whole_sequence()
    {
        var folder = ModelFolder.Load(folders.BpeDecoder);
        int[] tokens = [.. folder.Tokenizer.Encode("<|im_start|>user\nstudents learn about search<|im_end|>")];
        using var session = DecoderSession.Open(folder, new OnnxModelOptions { IntraOpThreads = 1 }, NullLogger.Instance);
        using var runOptions = new RunOptions();
        using var whole = session.CreateState();
        using var stepwise = session.CreateState();
        var reference = ReferenceTransformer.DecoderLogits(folders.DecoderWeights, [.. tokens.Select(id => (long)id)]);

        session.Run(whole, tokens, runOptions);
        session.Run(stepwise, tokens.AsSpan(0, 3), runOptions);
        var recomputed = new float[session.VocabularySize];
        var cached = new float[session.VocabularySize];
        for (var position = 3; position < tokens.Length; position++)
        {
            session.Run(stepwise, tokens.AsSpan(position, 1), runOptions);
            whole.CopyLogits(position, recomputed);
            stepwise.CopyLastLogits(cached);
            AssertClose(recomputed, cached);
            AssertClose(reference[position], cached);
        }

        Assert.Equal(tokens.Length, stepwise.Length);
    }

    [Fact]
    public async Task Seeded_sampling_is_reproducible_and_seeds_differ()
    {
        using var client = Client(folders.BpeDecoder);
        ChatOptions Sampling(long seed) => new() { Temperature = 1.2f, TopP = 0.95f, Seed = seed, MaxOutputTokens = 24 };

        var first = await client.GetResponseAsync(Question, Sampling(1));
        var again = await client.GetResponseAsync(Question, Sampling(1));
        var other = await client.GetResponseAsync(Question, Sampling(2));

        Assert.Equal(first.Text, again.Text);
        Assert.NotEqual(first.Text, other.Text);
    }

    [Fact]
    public async Task Streamed_pieces_concatenate_to_the_response_and_end_with_usage()
    {
        using var client = Client(folders.SentencePieceDecoder);
        var options = new ChatOptions { MaxOutputTokens = 12 };

        var updates = await client.GetStreamingResponseAsync(Question, options).ToListAsync();
        var response = await client.GetResponseAsync(Question, options);

        Assert.Equal(response.Text, string.Concat(updates.Select(update => update.Text)));
        Assert.True(updates.Count > 2);
        Assert.All(updates[..^1], update => Assert.Null(update.FinishReason));
        var usage = Assert.Single(updates[^1].Contents.OfType<UsageContent>()).Details;
        Assert.Equal(response.Usage!.OutputTokenCount, usage.OutputTokenCount);
        Assert.Equal(usage.InputTokenCount + usage.OutputTokenCount, usage.TotalTokenCount);
        Assert.Equal(response.FinishReason, updates[^1].FinishReason);
        Assert.All(updates, update => Assert.Equal(ChatRole.Assistant, update.Role));
        Assert.Single(updates.Select(update => update.ResponseId).Distinct());
    }

    [Fact]
    public async Task Stop_sequences_cut_the_text_exactly()
    {
        using var client = Client(folders.BpeDecoder);
        var full = (await client.GetResponseAsync(Question, new ChatOptions { MaxOutputTokens = 16 })).Text;
        Assert.True(full.Length >= 8, $"the reference continuation '{full}' is too short to cut");
        var stop = full.Substring(full.Length / 2, 3);
        var expected = full[..full.IndexOf(stop, StringComparison.Ordinal)];

        var options = new ChatOptions { MaxOutputTokens = 16, StopSequences = [stop] };
        var response = await client.GetResponseAsync(Question, options);
        var streamed = new StringBuilder();
        await foreach (var update in client.GetStreamingResponseAsync(Question, options))
        {
            streamed.Append(update.Text);
            Assert.DoesNotContain(stop, streamed.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(expected, response.Text);
        Assert.Equal(expected, streamed.ToString());
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
    }

    [Fact]
    public async Task Max_output_tokens_ends_with_length()
    {
        using var client = Client(folders.BpeDecoder, options => options.Generation = new GenerationOptions { MaxNewTokens = 3 });

        var response = await client.GetResponseAsync(Question);

        Assert.Equal(3, response.Usage!.OutputTokenCount);
        Assert.Equal(ChatFinishReason.Length, response.FinishReason);
    }

    [Fact]
    public async Task Cancellation_stops_streaming()
    {
        using var client = Client(folders.BpeDecoder);
        using var cancellation = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync(Question, new ChatOptions { MaxOutputTokens = 200 }, cancellation.Token))
            {
                await cancellation.CancelAsync();
            }
        });
    }

    [Fact]
    public async Task A_prompt_longer_than_the_context_is_rejected()
    {
        using var client = Client(folders.BpeDecoder, options => options.MaxLength = 16);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.GetResponseAsync(Question));

        Assert.Contains("but the model's context holds 16 (MaxLength)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scores_equal_the_reference_log_probabilities()
    {
        using var client = Client(folders.SentencePieceDecoder);
        var scorer = Assert.IsType<OnnxTextScorer>(client.GetService<ITextScorer>());
        var tokenizer = ModelFolder.Load(folders.SentencePieceDecoder).Tokenizer;
        const string context = "the teacher explains";
        const string continuation = " the answer to students";
        long[] ids = [tokenizer.BosTokenId!.Value, .. tokenizer.Encode(context + continuation).Select(id => (long)id)];
        var contextLength = 1 + tokenizer.Encode(context).Count;
        var logits = ReferenceTransformer.DecoderLogits(folders.DecoderWeights, ids);

        var score = await scorer.ScoreAsync(context, continuation);

        Assert.Equal(ids.Length - contextLength, score.Tokens.Count);
        for (var i = 0; i < score.Tokens.Count; i++)
        {
            var position = contextLength + i;
            Assert.Equal(ReferenceDecoding.LogSoftmax(logits[position - 1], (int)ids[position]), score.Tokens[i].LogProbability, 4);
        }

        Assert.Equal(Math.Exp(-score.Tokens.Average(t => t.LogProbability)), score.Perplexity, 9);
        Assert.Equal(continuation, string.Concat(score.Tokens.Select(token => token.Token)));
    }

    [Fact]
    public void Mismatched_key_value_heads_name_both_files()
    {
        var folder = folders.Copy(folders.BpeDecoder);
        EditConfig(folder, config => config["num_key_value_heads"] = 4);

        var error = Assert.Throws<ModelFolderException>(() => Client(folder));

        Assert.Contains("past_key_values.0.key has 2 key/value heads but", error.Message, StringComparison.Ordinal);
        Assert.Contains("config.json says 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mismatched_layer_count_is_reported()
    {
        var folder = folders.Copy(folders.BpeDecoder);
        EditConfig(folder, config => config["num_hidden_layers"] = 3);

        var error = Assert.Throws<ModelFolderException>(() => Client(folder));

        Assert.Contains("has past_key_values for 2 layers but", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cuda_requested_on_the_cpu_build_gives_the_fix()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Client(folders.BpeDecoder, options => options.Provider = ExecutionProvider.Cuda));

        Assert.StartsWith(Runtime.SessionFactory.CudaUnavailableMessage, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Auto_provider_runs_on_cpu()
    {
        using var client = Client(folders.BpeDecoder, options => options.Provider = ExecutionProvider.Auto);

        var response = await client.GetResponseAsync(Question, new ChatOptions { MaxOutputTokens = 2 });

        Assert.Equal("CPU", client.Session.Provider);
        Assert.Equal(2, response.Usage!.OutputTokenCount);
    }

    [Fact]
    public void An_encoder_folder_is_refused()
    {
        var error = Assert.Throws<ModelFolderException>(() => Client(folders.Encoder));

        Assert.Contains("holds an embedding model (model_type 'bert'); use OnnxEmbeddingGenerator for it", error.Message, StringComparison.Ordinal);
    }

    private static OnnxChatClient Client(string folder, Action<OnnxModelOptions>? configure = null)
    {
        var options = new OnnxModelOptions { Path = folder, IntraOpThreads = 1 };
        configure?.Invoke(options);
        return new OnnxChatClient(options);
    }

    private static void EditConfig(string folder, Action<JsonObject> edit)
    {
        var path = Path.Combine(folder, TransformerConfig.FileName);
        var config = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(config);
        File.WriteAllText(path, config.ToJsonString());
    }

    private static void AssertClose(float[] expected, float[] actual)
    {
        var worst = expected.Zip(actual, (e, a) => MathF.Abs(e - a)).Max();
        Assert.True(worst <= 1e-4f, $"largest logit difference {worst}");
    }
}
