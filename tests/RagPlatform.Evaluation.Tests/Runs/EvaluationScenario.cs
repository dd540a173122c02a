using RagPlatform.Core.Answers;
using RagPlatform.Core.Retrieval;
using RagPlatform.Evaluation.Datasets;
using RagPlatform.Evaluation.Runs;
using RagPlatform.Evaluation.Tests.Hallucination;
using static RagPlatform.Evaluation.Tests.Runs.FakeQuestionAnswerer;

namespace RagPlatform.Evaluation.Tests.Runs;

/// <summary>
/// A seven-question dataset (English and Indonesian, answerable and not, one tag that is an HTML injection attempt)
/// and scripted answers covering every outcome: correct, partly hallucinated, correct abstention, missed abstention,
/// false abstention and a failing question.
/// </summary>
internal static class EvaluationScenario
{
    public const string InjectedTag = "<script>alert('tag')</script>";
    public const string InjectedQuestion = "What does <script>alert('q')</script> BLEU penalise?";

    public static readonly ScoredChunk Transformer = Chunk("transformer", 0, LabelledClaims.Contexts[0], 12.5);
    public static readonly ScoredChunk BleuChunk = Chunk("bleu", 0, LabelledClaims.Contexts[1], 9.1);
    public static readonly ScoredChunk Rag = Chunk("rag", 0, LabelledClaims.Contexts[2], 8.4);
    public static readonly ScoredChunk Tokens = Chunk("tokens", 0, LabelledClaims.Contexts[3], 7.7);

    public static string DatasetJsonLines => string.Join('\n',
        """{"id":"q1","question":"What does the Transformer rely on?","answers":["self-attention"],"passages":[{"source":"corpus/transformer.md","text":"It relies entirely on self-attention and does not use recurrence."}],"answerable":true,"language":"en","tags":["attention"]}""",
        $$"""{"id":"q2","question":"{{InjectedQuestion}}","answers":["candidates that are too short"],"passages":[{"source":"corpus/bleu.md","text":"A brevity penalty lowers the score of candidates that are too short."}],"language":"en","tags":["metrics","{{InjectedTag.Replace("'", "\\u0027", StringComparison.Ordinal)}}"]}""",
        """{"id":"q3","question":"Apa yang harus disertakan jawaban?","answers":["sitasi ke sumbernya"],"passages":[{"source":"corpus/rag.md","text":"Jawaban harus menyertakan sitasi ke sumbernya."}],"language":"id","tags":["rag"]}""",
        """{"id":"q4","question":"Who won the 2030 World Cup?","answerable":false,"language":"en","tags":["unanswerable"]}""",
        """{"id":"q5","question":"Siapa penemu mesin uap?","answerable":false,"tags":["unanswerable"]}""",
        """{"id":"q6","question":"How large is the GPT-2 vocabulary?","answers":["50,257 tokens"],"passages":[{"source":"corpus/tokens.md","text":"GPT-2 uses byte-pair encoding with a vocabulary of 50,257 tokens."}],"language":"en","tags":["tokenization"]}""",
        """{"id":"q7","question":"What is perplexity?","answers":["exp of the mean negative log-likelihood"],"language":"en","tags":["metrics"]}""");

    public static Dictionary<string, GroundedAnswer> BaselineAnswers() => new()
    {
        ["What does the Transformer rely on?"] = new(
            "What does the Transformer rely on?", "Self-attention [1].", [Cite(1, Transformer)], false, "en", AnswerMode.Generative, [Transformer, BleuChunk]),
        [InjectedQuestion] = new(
            InjectedQuestion, "A brevity penalty lowers the score of candidates that are too short [1]. BLEU correlates strongly with human judgements [1]. <script>alert('answer')</script>",
            [Cite(1, BleuChunk)], false, "en", AnswerMode.Generative, [Tokens, BleuChunk]),
        ["Apa yang harus disertakan jawaban?"] = new(
            "Apa yang harus disertakan jawaban?", "Jawaban harus menyertakan sitasi ke sumbernya [1].", [Cite(1, Rag)], false, "id", AnswerMode.Extractive, [Rag]),
        ["Who won the 2030 World Cup?"] = new(
            "Who won the 2030 World Cup?", "The documents do not mention this.", [], true, "en", AnswerMode.Generative, [Transformer]),
        ["Siapa penemu mesin uap?"] = new(
            "Siapa penemu mesin uap?", "Mesin uap ditemukan oleh James Watt pada tahun 1769 [1].", [Cite(1, Rag)], false, "id", AnswerMode.Generative, [Rag]),
        ["How large is the GPT-2 vocabulary?"] = new(
            "How large is the GPT-2 vocabulary?", "Informasi tersebut tidak ditemukan dalam dokumen.", [], true, "en", AnswerMode.Generative, [Tokens]),
    };

    /// <summary>The baseline with a planted regression: q1 now contradicts its source.</summary>
    public static Dictionary<string, GroundedAnswer> RegressedAnswers()
    {
        var answers = BaselineAnswers();
        answers["What does the Transformer rely on?"] = answers["What does the Transformer rely on?"] with { Text = "The Transformer relies on recurrence introduced by Hinton [1]." };
        return answers;
    }

    public static async Task<QaDataset> WriteDatasetAsync(TempDirectory directory) =>
        await QaDataset.LoadAsync(directory.File("course-qa.jsonl", DatasetJsonLines));

    public static Task<EvaluationRun> RunAsync(QaDataset dataset, Dictionary<string, GroundedAnswer> answers, string description, IProgress<EvaluationProgress>? progress = null) =>
        new EvaluationRunner().RunAsync(new FakeQuestionAnswerer(answers), dataset, new EvaluationOptions { TopK = 2, Description = description }, progress);
}
