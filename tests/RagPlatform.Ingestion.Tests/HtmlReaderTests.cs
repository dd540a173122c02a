using System.Text;

namespace RagPlatform.Ingestion.Tests;

public sealed class HtmlReaderTests
{
    private readonly HtmlReader _reader = new();

    [Fact]
    public async Task DropsInvisibleContentAndBuildsHeadingPaths()
    {
        const string html = """
            <!DOCTYPE html>
            <html>
            <head>
              <title>Kursus LLM</title>
              <meta name="description" content="head text that must not appear">
              <style>body { color: red; }</style>
              <script>var secret = "script text";</script>
            </head>
            <body>
              <noscript>Enable JavaScript</noscript>
              <svg><text>svg label</text></svg>
              <template><p>template text</p></template>
              <h1>Pengantar</h1>
              <p>Model bahasa   besar
                 memprediksi token.</p>
              <h2>Evaluasi</h2>
              <ul><li>Akurasi</li><li>Recall<br>dan presisi</li></ul>
              <table><tr><th>Metrik</th><th>Nilai</th></tr><tr><td>MRR</td><td>0.8</td></tr></table>
              <pre>code   keeps
            its lines</pre>
              <blockquote>Kutipan penting.</blockquote>
              <h2>Penutup</h2>
              <div>Loose text in a div <span>with a span</span>.</div>
              <script>document.write("late script")</script>
            </body>
            </html>
            """;

        var document = await _reader.ReadBytesAsync(Encoding.UTF8.GetBytes(html), "site/index.html");

        Assert.Equal("Kursus LLM", document.Title);
        var content = DocumentContent.Create(document);
        Assert.Equal(
            [
                ("Model bahasa besar memprediksi token.", "Pengantar"),
                ("Akurasi", "Pengantar > Evaluasi"),
                ("Recall\ndan presisi", "Pengantar > Evaluasi"),
                ("Metrik | Nilai", "Pengantar > Evaluasi"),
                ("MRR | 0.8", "Pengantar > Evaluasi"),
                ("code keeps\nits lines", "Pengantar > Evaluasi"),
                ("Kutipan penting.", "Pengantar > Evaluasi"),
                ("Loose text in a div with a span.", "Pengantar > Penutup"),
            ],
            content.Sections.SelectMany(section => content.Text[section.Start..section.End]
                .Split(DocumentContent.BlockSeparator)
                .Select(text => (text, section.HeadingPath))));
        foreach (var hidden in new[] { "script text", "late script", "color: red", "Enable JavaScript", "svg label", "template text", "head text" })
        {
            Assert.DoesNotContain(hidden, content.Text);
        }
    }

    [Fact]
    public async Task TitleFallsBackToFirstH1ThenFileName()
    {
        var withHeading = await _reader.ReadBytesAsync("<body><p>x</p><h1>Judul Utama</h1></body>"u8.ToArray(), "a.html");
        var withoutHeading = await _reader.ReadBytesAsync("<p>Just text.</p>"u8.ToArray(), "pages/plain.htm");

        Assert.Equal("Judul Utama", withHeading.Title);
        Assert.Equal("plain", withoutHeading.Title);
    }

    [Fact]
    public async Task DeeplyNestedMarkupIsReadWithoutExhaustingTheStack()
    {
        var html = string.Concat(Enumerable.Repeat("<div><span>", 600)) + "deep text" + string.Concat(Enumerable.Repeat("</span></div>", 600));

        var document = await _reader.ReadBytesAsync(Encoding.UTF8.GetBytes(html), "deep.html");

        Assert.Equal("deep text", Assert.Single(document.Texts()));
    }
}
