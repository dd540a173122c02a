namespace RagPlatform.Rag.Answering;

/// <summary>What an answer says when the documents do not contain the answer, in the question's language.</summary>
public static class AbstentionMessages
{
    public const string Indonesian = "Dokumen tidak memuat jawaban untuk pertanyaan ini.";
    public const string English = "The documents do not contain an answer to this question.";

    public static string For(string language) => language == "id" ? Indonesian : English;
}
