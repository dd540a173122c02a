namespace RagPlatform.Storage.Tests.Support;

/// <summary>Small course notes in English and Indonesian, one topic per chunk, for ranking tests.</summary>
internal static class CourseCorpus
{
    public static readonly TestDocument EnglishNotes = TestDocuments.CreateWithHeadings(
        "llm-notes-en",
        "Large Language Models: Lecture Notes",
        ("Tokenization",
            "Tokenization splits raw text into tokens. Byte-pair encoding starts from single bytes and repeatedly merges " +
            "the most frequent adjacent pair, so common words become one token and rare words several."),
        ("Attention",
            "Self-attention lets every position in a sequence attend to every other position. Queries are compared with " +
            "keys, the softmax of the scaled dot products weights the values, and several heads run in parallel."),
        ("Fine-tuning",
            "LoRA freezes the pretrained weights and learns two small low-rank matrices per layer, which cuts the number " +
            "of trainable parameters and the memory needed for fine-tuning."),
        ("Retrieval",
            "Embeddings map text to dense vectors so that passages with similar meaning lie close together; cosine " +
            "similarity between the query embedding and passage embeddings ranks the passages."),
        ("Evaluation",
            "A résumé of the evaluation: perplexity measures how surprised a language model is by held-out text; lower " +
            "perplexity means better prediction."));

    public static readonly TestDocument IndonesianNotes = TestDocuments.CreateWithHeadings(
        "catatan-llm-id",
        "Catatan Kuliah Model Bahasa",
        ("Tokenisasi",
            "Tokenisasi adalah proses memecah teks menjadi token. Tokenizer BPE menggabungkan pasangan karakter yang " +
            "paling sering muncul sehingga kosakata tetap kecil."),
        ("Mekanisme atensi",
            "Mekanisme atensi menghitung bobot untuk setiap token dalam kalimat. Setiap kepala atensi mempelajari " +
            "hubungan yang berbeda antara kata-kata."),
        ("Pelatihan",
            "Pembelajaran mesin membutuhkan data latih yang banyak. Model dilatih dengan menggunakan penurunan gradien " +
            "untuk mengurangi kesalahan prediksi."),
        ("Pencarian",
            "Pencarian dokumen menggunakan indeks kata kunci dan pemeringkatan BM25 untuk menemukan bagian yang paling " +
            "relevan dengan pertanyaan pengguna."));

    public static IEnumerable<TestDocument> All => [EnglishNotes, IndonesianNotes];
}
