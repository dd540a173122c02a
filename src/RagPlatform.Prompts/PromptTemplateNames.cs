namespace RagPlatform.Prompts;

/// <summary>Names of the templates shipped in prompts/templates (folder names).</summary>
public static class PromptTemplateNames
{
    /// <summary>Frame of the composed system prompt.</summary>
    public const string System = "system";

    /// <summary>Grounded answer from numbered passages with [n] citations.</summary>
    public const string RagAnswer = "rag-answer";

    /// <summary>Reviews and optimises a draft prompt, asking clarifying questions first.</summary>
    public const string PromptEngineer = "prompt-engineer";

    public const string SummarizeDocument = "summarize-document";

    /// <summary>Suggests three follow-up questions after an answer.</summary>
    public const string FollowUpQuestions = "follow-up-questions";
}
