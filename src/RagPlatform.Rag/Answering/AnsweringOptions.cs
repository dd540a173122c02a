using RagPlatform.Prompts;

namespace RagPlatform.Rag.Answering;

/// <summary>How questions are answered. Bound from the "Answering" configuration section.</summary>
public sealed class AnsweringOptions
{
    public const string SectionName = "Answering";

    /// <summary>Extractive always copies source sentences; Auto generates when a generator model is configured.</summary>
    public AnsweringModeSetting Mode { get; set; } = AnsweringModeSetting.Auto;

    /// <summary>
    /// Weighted share of the question's content terms that the best source sentence must contain before the
    /// extractive answerer answers at all; below it, the answer says the documents do not contain the answer.
    /// </summary>
    public double MinimumSupport { get; set; } = 0.5;

    /// <summary>Most sentences an extractive answer quotes.</summary>
    public int MaxSentences { get; set; } = 3;

    /// <summary>Longest question accepted, in characters.</summary>
    public int MaxQuestionLength { get; set; } = 2000;

    /// <summary>
    /// Prompt-library template the generator's answer prompt is rendered with; another template must take the same
    /// variables as "rag-answer" and render one system and one user message.
    /// </summary>
    public string PromptTemplate { get; set; } = PromptTemplateNames.RagAnswer;

    /// <summary>Longest quote a citation carries, in characters.</summary>
    public int MaxQuoteLength { get; set; } = 240;
}

public enum AnsweringModeSetting
{
    Auto,
    Extractive,
    Generative,
}
