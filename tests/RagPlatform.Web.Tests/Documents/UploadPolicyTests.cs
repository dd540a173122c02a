using RagPlatform.Web.Documents;

namespace RagPlatform.Web.Tests.Documents;

public sealed class UploadPolicyTests
{
    private static readonly UploadPolicy Policy = new(1024 * 1024, [".docx", ".html", ".md", ".pdf", ".txt"]);

    [Fact]
    public void An_allowed_file_within_the_limit_is_accepted()
    {
        var check = Policy.Check("Week 3 Notes.MD", 2048);

        Assert.True(check.IsAccepted);
        Assert.Equal("Week 3 Notes.MD", check.DisplayName);
        Assert.Equal(".md", check.Extension);
    }

    [Fact]
    public void A_file_over_the_limit_is_rejected_naming_the_setting()
    {
        var check = Policy.Check("big.pdf", 1024 * 1024 + 1);

        Assert.False(check.IsAccepted);
        Assert.Equal("'big.pdf' is 1 MB; the limit is 1 MB (setting Ingestion:MaxFileBytes).", check.Error);
    }

    [Fact]
    public void An_empty_file_is_rejected()
    {
        Assert.Equal("'empty.txt' is empty.", Policy.Check("empty.txt", 0).Error);
    }

    [Theory]
    [InlineData("setup.exe", "'setup.exe' is a .exe file; the documents page accepts .docx, .html, .md, .pdf, .txt.")]
    [InlineData("notes.md.exe", "'notes.md.exe' is a .exe file; the documents page accepts .docx, .html, .md, .pdf, .txt.")]
    [InlineData("README", "'README' has no file extension; the documents page accepts .docx, .html, .md, .pdf, .txt.")]
    [InlineData(".md", "'md' has no file extension; the documents page accepts .docx, .html, .md, .pdf, .txt.")]
    public void Other_extensions_are_rejected(string name, string error)
    {
        Assert.Equal(error, Policy.Check(name, 10).Error);
    }

    [Theory]
    [InlineData("../../etc/passwd.md", "passwd.md")]
    [InlineData("..\\..\\Windows\\win.ini.txt", "win.ini.txt")]
    [InlineData("C:\\Users\\someone\\Desktop\\secret plan.pdf", "secret plan.pdf")]
    [InlineData("/absolute/path/notes.md", "notes.md")]
    [InlineData("notes.md/", "upload")]
    [InlineData("..", "upload")]
    [InlineData("report\u202Efdp.exe.md", "reportfdp.exe.md")]
    [InlineData("line\r\nbreak\0.md", "linebreak.md")]
    [InlineData("what?<b>*|\".md", "whatb.md")]
    [InlineData("  spaced name.txt  ", "spaced name.txt")]
    public void Path_like_and_hostile_names_become_plain_labels(string clientName, string label)
    {
        Assert.Equal(label, UploadPolicy.ToDisplayName(clientName));
    }

    [Fact]
    public void Long_names_are_shortened_keeping_the_extension()
    {
        var label = UploadPolicy.ToDisplayName(new string('a', 300) + ".pdf");

        Assert.Equal(UploadPolicy.MaxDisplayNameLength, label.Length);
        Assert.EndsWith("aaa.pdf", label, StringComparison.Ordinal);
    }
}
