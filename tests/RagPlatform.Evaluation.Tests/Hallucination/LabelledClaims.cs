namespace RagPlatform.Evaluation.Tests.Hallucination;

public enum ClaimLabel
{
    Supported,
    Contradicted,
    Unsupported,
}

public sealed record LabelledClaim(string Text, ClaimLabel Label)
{
    public bool IsSupported => Label == ClaimLabel.Supported;
}

/// <summary>
/// A small hand-labelled set for calibrating and checking groundedness methods: four course-notes passages (English
/// and Indonesian) and claims about them that are supported (verbatim, reordered, paraphrased), contradicted
/// (changed number, name, negation or relation) or unsupported (new information). A few are deliberately hard for
/// word overlap (a paraphrase without shared words, a relation swap) so the measured recall is honest.
/// </summary>
public static class LabelledClaims
{
    public static IReadOnlyList<string> Contexts { get; } =
    [
        "The Transformer architecture was introduced in 2017 by Vaswani and colleagues. It relies entirely on self-attention and does not use recurrence. The base model has 6 encoder layers and 6 decoder layers.",
        "BLEU measures n-gram precision between a candidate translation and reference translations. A brevity penalty lowers the score of candidates that are too short. Scores range from 0 to 100 in sacreBLEU.",
        "Retrieval-augmented generation menggabungkan pencarian dokumen dengan model bahasa. Sistem mengambil potongan teks yang relevan lalu menyusun jawaban berdasarkan potongan tersebut. Jawaban harus menyertakan sitasi ke sumbernya.",
        "Tokenization splits text into subword units. GPT-2 uses byte-pair encoding with a vocabulary of 50,257 tokens.",
    ];

    public static IReadOnlyList<LabelledClaim> Claims { get; } =
    [
        new("The Transformer architecture was introduced in 2017.", ClaimLabel.Supported),
        new("The Transformer relies entirely on self-attention.", ClaimLabel.Supported),
        new("It does not use recurrence.", ClaimLabel.Supported),
        new("The base Transformer model has 6 encoder layers.", ClaimLabel.Supported),
        new("A brevity penalty lowers the score of candidates that are too short.", ClaimLabel.Supported),
        new("BLEU measures n-gram precision against reference translations.", ClaimLabel.Supported),
        new("In sacreBLEU, BLEU scores range from 0 to 100.", ClaimLabel.Supported),
        new("Retrieval-augmented generation menggabungkan pencarian dokumen dengan model bahasa.", ClaimLabel.Supported),
        new("Sistem mengambil potongan teks yang relevan.", ClaimLabel.Supported),
        new("Jawaban harus menyertakan sitasi.", ClaimLabel.Supported),
        new("GPT-2 uses byte-pair encoding.", ClaimLabel.Supported),
        new("GPT-2 has a vocabulary of 50,257 tokens.", ClaimLabel.Supported),
        new("Tokenization splits text into subword units.", ClaimLabel.Supported),
        new("Vaswani and colleagues introduced the Transformer architecture in 2017.", ClaimLabel.Supported),
        new("Self-attention is the only mechanism the Transformer relies on.", ClaimLabel.Supported),
        new("The score of overly short candidates is lowered by a brevity penalty.", ClaimLabel.Supported),
        new("Jawaban yang disusun harus mencantumkan sitasi ke sumber.", ClaimLabel.Supported),
        new("The model dispenses with recurrent networks.", ClaimLabel.Supported),

        new("The Transformer architecture was introduced in 2015.", ClaimLabel.Contradicted),
        new("The base model has 12 encoder layers.", ClaimLabel.Contradicted),
        new("The Transformer architecture was introduced by Hinton.", ClaimLabel.Contradicted),
        new("The Transformer uses recurrence.", ClaimLabel.Contradicted),
        new("BLEU measures n-gram recall between a candidate and references.", ClaimLabel.Contradicted),
        new("GPT-2 has a vocabulary of 32,000 tokens.", ClaimLabel.Contradicted),
        new("Sistem tidak mengambil potongan teks.", ClaimLabel.Contradicted),
        new("Scores range from 0 to 1 in sacreBLEU.", ClaimLabel.Contradicted),
        new("The Transformer was introduced in 2017 by Google Brain researchers at Stanford.", ClaimLabel.Contradicted),
        new("RoBERTa uses byte-pair encoding with a vocabulary of 50,257 tokens.", ClaimLabel.Contradicted),

        new("The Transformer was trained for three days on eight GPUs.", ClaimLabel.Unsupported),
        new("BLEU correlates strongly with human judgements.", ClaimLabel.Unsupported),
        new("Sistem ini juga memakai basis data graf.", ClaimLabel.Unsupported),
        new("Byte-pair encoding was first proposed for data compression.", ClaimLabel.Unsupported),
        new("Self-attention has quadratic cost in sequence length.", ClaimLabel.Unsupported),
        new("The decoder uses masked self-attention to prevent attending to future tokens.", ClaimLabel.Unsupported),
        new("sacreBLEU was written by Matt Post.", ClaimLabel.Unsupported),
        new("Potongan teks disimpan dalam basis data vektor.", ClaimLabel.Unsupported),
    ];

    /// <summary>Answers that decline to answer, in both languages.</summary>
    public static IReadOnlyList<string> AbstainingAnswers { get; } =
    [
        "I cannot find this in the documents.",
        "The documents do not mention who won the 2030 World Cup.",
        "I don't know based on the provided sources.",
        "Maaf, informasi tersebut tidak ditemukan dalam dokumen.",
        "Saya tidak dapat menemukan jawaban atas pertanyaan itu.",
        "Hal itu tidak disebutkan dalam dokumen yang tersedia.",
    ];
}
