using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace RagPlatform.Ingestion.Tests;

public sealed class DocumentLoaderTests : IDisposable
{
    private const long SmallLimit = 64 * 1024;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task LoadsGoodFilesInOrderAndReportsEveryBadOneWithItsReason()
    {
        _temp.Write("corpus/a.txt", "Alpha\n\nPlain text file.");
        _temp.Write("corpus/b.md", "# Beta\n\nMarkdown body.");
        _temp.Write("corpus/notes.xyz", "unsupported, skipped silently");
        _temp.Write("corpus/.hidden/secret.txt", "hidden folder");
        _temp.Write("corpus/.git/config.txt", "git folder");
        _temp.Write("corpus/bin/out.txt", "build output");
        _temp.Write("corpus/obj/tmp.txt", "build output");
        _temp.Write("corpus/.dotfile.txt", "hidden file");
        _temp.Write("corpus/sub/c.html", "<title>Gamma</title><p>HTML body.</p>");
        _temp.Write("corpus/sub/d.pdf", TestDocuments.Pdf("Delta", ["PDF page one."], ["PDF page two."]));
        _temp.Write("corpus/sub/e.docx", TestDocuments.Docx("Epsilon", [TestDocuments.Paragraph("DOCX body.")]));
        _temp.Write("corpus/bad/empty.txt", []);
        _temp.Write("corpus/bad/big.txt", new string('x', (int)SmallLimit + 1));
        _temp.Write("corpus/bad/image.txt", [0x89, .. "PNG\r\n"u8, 0x1A, 0x0A, 0, 0, 0, 13]);
        _temp.Write("corpus/bad/nul.md", [.. "text"u8, 0, .. "more"u8]);
        var pdf = TestDocuments.Pdf(null, ["Will be cut."], ["Second page."]);
        _temp.Write("corpus/bad/truncated.pdf", pdf[..(pdf.Length / 2)]);
        _temp.Write("corpus/bad/scan.pdf", TestDocuments.PdfWithoutText(1));
        _temp.Write("corpus/bad/fake.docx", TestDocuments.RandomBytes(2_048));
        _temp.Write("corpus/bad/bomb.docx", TestDocuments.Zip("word/document.xml", "<w:document/>", claimedSize: 3_000_000_000));
        _temp.Write("corpus/bad/latin1.txt", [.. "caf"u8, 0xE9]);
        _temp.Write("corpus/bad/front-matter-only.md", "---\ntitle: nothing else\n---\n");
        _temp.Write("explicit.xyz", "named explicitly");
        var corpus = _temp.Combine("corpus");

        var results = await LoadAllAsync(CreateLoader(), [corpus, _temp.Combine("missing.txt"), _temp.Combine("explicit.xyz")]);

        (string Path, string Start)[] expected =
            [
                ("corpus/a.txt", "txt"),
                ("corpus/b.md", "md"),
                ("corpus/bad/big.txt", "too large: 64 KB (65,537 bytes) is over the 64 KB (65,536 bytes) limit; raise Ingestion:MaxFileBytes"),
                ("corpus/bad/bomb.docx", "looks like a zip bomb"),
                ("corpus/bad/empty.txt", "empty file (0 bytes)"),
                ("corpus/bad/fake.docx", "not a DOCX: the ZIP signature (PK) is missing"),
                ("corpus/bad/front-matter-only.md", "no extractable text"),
                ("corpus/bad/image.txt", "binary content: the file starts with the signature of a PNG image"),
                ("corpus/bad/latin1.txt", "not valid UTF-8"),
                ("corpus/bad/nul.md", "binary content: NUL byte at offset 4"),
                ("corpus/bad/scan.pdf", "no text layer"),
                ("corpus/bad/truncated.pdf", "truncated PDF"),
                ("corpus/sub/c.html", "html"),
                ("corpus/sub/d.pdf", "pdf"),
                ("corpus/sub/e.docx", "docx"),
                ("missing.txt", "path not found"),
                ("explicit.xyz", "unsupported file type: '.xyz' is not ingested"),
            ];
        Assert.Equal(expected.Select(row => row.Path), results.Select(result => Relative(result.SourcePath)));
        Assert.All(expected.Zip(results), pair => Assert.StartsWith(pair.First.Start, Describe(pair.Second)));
        var titles = results.OfType<LoadedDocument>().Select(document => document.Content.Title);
        Assert.Equal(["Alpha", "Beta", "Gamma", "Delta", "Epsilon"], titles);
    }

    [Fact]
    public async Task LoadedDocumentCarriesHashSizeAndNormalisedSourcePath()
    {
        var bytes = Encoding.UTF8.GetBytes("Judul\n\nIsi dokumen.");
        var path = _temp.Write("docs/one.txt", bytes);
        var loader = CreateLoader();

        var document = Assert.IsType<LoadedDocument>(Assert.Single(await LoadAllAsync(loader, [path])));

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), document.ContentHash);
        Assert.Equal(bytes.Length, document.SizeBytes);
        Assert.Equal(path.Replace(Path.DirectorySeparatorChar, '/'), document.SourcePath);
        Assert.Equal("Judul\n\nIsi dokumen.", document.Content.Text);
    }

    [Fact]
    public async Task UnchangedCheckSkipsParsingWhenTheHashIsKnown()
    {
        var corrupt = _temp.Write("known/fake.docx", TestDocuments.RandomBytes(512));
        var changed = _temp.Write("known/new.txt", "Fresh text.");
        var knownHash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(corrupt)));
        var asked = new List<string>();

        var results = await LoadAllAsync(
            CreateLoader(),
            [_temp.Combine("known")],
            (sourcePath, hash, _) =>
            {
                asked.Add(Path.GetFileName(sourcePath));
                return ValueTask.FromResult(hash == knownHash);
            });

        var unchanged = Assert.IsType<UnchangedDocument>(results[0]);
        Assert.Equal((knownHash, "docx", 512L), (unchanged.ContentHash, unchanged.Format, unchanged.SizeBytes));
        Assert.IsType<LoadedDocument>(results[1]);
        Assert.Equal(["fake.docx", "new.txt"], asked);
        Assert.Equal(changed.Replace(Path.DirectorySeparatorChar, '/'), results[1].SourcePath);
    }

    [Fact]
    public async Task SymbolicLinkLoopDoesNotHang()
    {
        _temp.Write("tree/a.txt", "Inside the tree.");
        _temp.Write("tree/nested/b.txt", "Nested file.");
        Directory.CreateSymbolicLink(_temp.Combine("tree/nested/loop"), _temp.Combine("tree"));
        Directory.CreateSymbolicLink(_temp.Combine("tree/self"), _temp.Combine("tree/nested"));

        var load = LoadAllAsync(CreateLoader(), [_temp.Combine("tree")]);
        var finished = await Task.WhenAny(load, Task.Delay(TimeSpan.FromSeconds(10)));

        Assert.Same(load, finished);
        Assert.Equal(["tree/a.txt", "tree/nested/b.txt"], (await load).Select(result => Relative(result.SourcePath)));
    }

    [Fact]
    public async Task FileNamedTwiceOrAlsoInsideANamedFolderLoadsOnce()
    {
        var file = _temp.Write("dup/x.md", "# X\n\nBody.");

        var results = await LoadAllAsync(CreateLoader(), [file, _temp.Combine("dup"), _temp.Combine("dup/../dup/x.md")]);

        Assert.Single(results);
    }

    [Fact]
    public async Task ExtensionsOptionRestrictsWhatIsIngested()
    {
        _temp.Write("mixed/a.txt", "Text.");
        _temp.Write("mixed/b.md", "Markdown.");
        var loader = CreateLoader(options => options.Extensions = ["md"]);

        var results = await LoadAllAsync(loader, [_temp.Combine("mixed"), _temp.Combine("mixed/a.txt")]);

        Assert.Equal(["mixed/b.md", "mixed/a.txt"], results.Select(result => Relative(result.SourcePath)));
        Assert.IsType<LoadedDocument>(results[0]);
        Assert.Contains("unsupported file type: '.txt'", Assert.IsType<LoadFailure>(results[1]).Reason);
        Assert.Equal([".md"], loader.SupportedExtensions);
    }

    [Theory]
    [InlineData(0L, null, "Ingestion:MaxFileBytes must be positive")]
    [InlineData(1024L, ".rtf", "Ingestion:Extensions lists '.rtf', which no reader handles")]
    public void InvalidOptionsAreRejectedWithTheSettingName(long maxFileBytes, string? extension, string expected)
    {
        var error = Assert.Throws<OptionsValidationException>(() => CreateLoader(options =>
        {
            options.MaxFileBytes = maxFileBytes;
            options.Extensions = extension is null ? null : [extension];
        }));

        Assert.Contains(expected, error.Message);
    }

    private DocumentLoader CreateLoader(Action<IngestionOptions>? configure = null)
    {
        var options = new IngestionOptions { MaxFileBytes = SmallLimit };
        configure?.Invoke(options);
        IDocumentReader[] readers = [new PlainTextReader(), new MarkdownReader(), new HtmlReader(), new PdfReader(), new DocxReader()];
        return new DocumentLoader(readers, Options.Create(options), NullLogger<DocumentLoader>.Instance);
    }

    private static async Task<List<LoadResult>> LoadAllAsync(DocumentLoader loader, IEnumerable<string> paths, UnchangedCheck? isUnchanged = null)
    {
        var results = new List<LoadResult>();
        await foreach (var result in loader.LoadAsync(paths, isUnchanged))
        {
            results.Add(result);
        }

        return results;
    }

    private string Relative(string sourcePath) =>
        Path.GetRelativePath(_temp.Path, sourcePath).Replace(Path.DirectorySeparatorChar, '/');

    private static string Describe(LoadResult result) => result switch
    {
        LoadedDocument loaded => loaded.Format,
        LoadFailure failure => failure.Reason,
        _ => result.GetType().Name,
    };
}
