namespace RagPlatform.Onnx.TestModels;

/// <summary>The built-in corpus the test tokenizers are made from: common English and Indonesian words, lower case.</summary>
internal static class TestVocabulary
{
    public static readonly IReadOnlyList<string> EnglishWords = Split("""
        the a an and or but not no yes of to in on at by for with from about into over after before
        is are was were be been being has have had do does did can could will would should may might must
        i you he she it we they me him her us them my your his its our their this that these those what which
        who whom whose when where why how all any both each few more most other some such only own same so than
        too very just also now then here there one two three four five first second last new old good great
        small large long short high low big many much time year day week people student students teacher
        teachers course courses lesson lessons class school university question questions answer answers
        document documents page pages text book books chapter section model models language learning machine
        data example examples word words sentence sentences token tokens vector vectors search retrieval
        knowledge context prompt prompts query queries result results score scores source sources file files
        read write learn learns learned learning teach teaches taught explain explains find found use used
        using make makes made help helps need needs want know think see look give take work works working
        hello world thanks please today tomorrow morning evening night home city country library
        """);

    public static readonly IReadOnlyList<string> IndonesianWords = Split("""
        yang dan di ke dari ini itu dengan untuk tidak ada akan pada juga saya kami kita kamu anda dia mereka
        adalah sebagai dalam bisa dapat sudah belum telah sedang harus boleh atau tetapi karena jika kalau
        maka agar supaya oleh tentang antara setelah sebelum ketika saat sangat lebih paling hanya semua
        setiap banyak sedikit beberapa satu dua tiga empat lima pertama kedua baru lama baik besar kecil
        apa siapa mana kapan mengapa bagaimana berapa ya bukan belajar mengajar membaca menulis bertanya
        menjawab menjelaskan mencari menemukan menggunakan membuat memahami mengerti tahu ingin perlu
        guru murid siswa mahasiswa dosen sekolah kampus universitas kelas pelajaran kuliah tugas ujian nilai
        buku halaman bab bagian dokumen teks kalimat kata bahasa indonesia inggris pertanyaan jawaban
        contoh data model mesin pembelajaran pengetahuan sumber hasil pencarian konteks berkas informasi
        rumah kota negara pagi siang sore malam hari minggu bulan tahun selamat terima kasih tolong maaf
        orang anak teman keluarga makan minum pergi datang pulang kerja bekerja belajarlah bukunya
        """);

    public static IEnumerable<string> AllWords => EnglishWords.Concat(IndonesianWords).Distinct(StringComparer.Ordinal);

    private static string[] Split(string words) =>
        words.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
