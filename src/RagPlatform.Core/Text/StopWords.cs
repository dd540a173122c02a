using System.Collections.Frozen;

namespace RagPlatform.Core.Text;

/// <summary>English and Indonesian function words: dropped from the index, and the evidence for language detection.</summary>
internal static class StopWords
{
    public static readonly FrozenSet<string> English = FrozenSet.Create(StringComparer.Ordinal,
    [
        "a", "about", "above", "across", "after", "again", "against", "all", "almost", "also", "although", "am",
        "among", "an", "and", "another", "any", "are", "as", "at", "be", "because", "been", "before", "being",
        "below", "between", "both", "but", "by", "can", "cannot", "could", "did", "do", "does", "doing", "done",
        "down", "during", "each", "either", "else", "enough", "etc", "even", "ever", "every", "few", "for", "from",
        "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his",
        "how", "however", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "least", "less", "let",
        "many", "may", "me", "might", "more", "most", "much", "must", "my", "myself", "neither", "no", "nor", "not",
        "now", "of", "off", "often", "on", "once", "only", "or", "other", "others", "ought", "our", "ours",
        "ourselves", "out", "over", "own", "per", "quite", "rather", "s", "same", "shall", "she", "should", "since",
        "so", "some", "still", "such", "t", "than", "that", "the", "their", "theirs", "them", "themselves", "then",
        "there", "therefore", "these", "they", "this", "those", "though", "through", "thus", "to", "too", "under",
        "until", "up", "upon", "us", "very", "was", "we", "were", "what", "whatever", "when", "where", "whereas",
        "whether", "which", "while", "who", "whom", "whose", "why", "will", "with", "within", "without", "would",
        "yet", "you", "your", "yours", "yourself", "yourselves",
    ]);

    public static readonly FrozenSet<string> Indonesian = FrozenSet.Create(StringComparer.Ordinal,
    [
        "ada", "adalah", "adanya", "adapun", "agak", "agar", "akan", "aku", "amat", "anda", "antara", "apa",
        "apabila", "apakah", "atau", "bagaimana", "bagaimanakah", "bagi", "bahkan", "bahwa", "beberapa", "begini",
        "begitu", "belum", "berapa", "beliau", "bila", "bisa", "boleh", "bukan", "bukankah", "dalam", "dan",
        "dapat", "dari", "daripada", "demi", "demikian", "dengan", "di", "dia", "dimana", "dll", "dsb", "hal",
        "hanya", "harus", "hingga", "ia", "ialah", "ini", "inilah", "itu", "itulah", "jadi", "jika", "juga",
        "kalau", "kalian", "kami", "kamu", "kapan", "karena", "ke", "kemudian", "kenapa", "kepada", "ketika",
        "kita", "lagi", "lalu", "maka", "mana", "manakah", "masih", "melainkan", "melalui", "memang", "mengapa",
        "menjadi", "menurut", "mereka", "merupakan", "meski", "meskipun", "mungkin", "namun", "nah", "oleh",
        "pada", "padahal", "para", "pula", "pun", "saat", "saja", "sambil", "sampai", "sangat", "saya", "sebab",
        "sebagai", "sebelum", "sebuah", "secara", "sedang", "sedangkan", "sehingga", "sejak", "selain", "selama",
        "seluruh", "semua", "sementara", "seperti", "serta", "sesudah", "setelah", "setiap", "siapa", "sini",
        "situ", "suatu", "sudah", "supaya", "tak", "tanpa", "tapi", "telah", "tentang", "terhadap", "tersebut",
        "tetapi", "tidak", "untuk", "walaupun", "ya", "yaitu", "yakni", "yang",
    ]);

    private static readonly FrozenSet<string> All = English.Union(Indonesian).ToFrozenSet(StringComparer.Ordinal);

    public static bool Contains(string token) => All.Contains(token);
}
