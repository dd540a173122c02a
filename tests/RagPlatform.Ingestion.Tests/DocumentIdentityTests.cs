using System.Security.Cryptography;
using System.Text;

namespace RagPlatform.Ingestion.Tests;

public sealed class DocumentIdentityTests
{
    [Fact]
    public void IsSixteenHexCharactersOfTheFullPathHash()
    {
        var fullPath = Path.GetFullPath("docs/guide.md").Replace(Path.DirectorySeparatorChar, '/');
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fullPath)))[..16];

        Assert.Equal(expected, DocumentIdentity.ForPath("docs/guide.md"));
    }

    [Fact]
    public void SameFileNamedDifferentlyHasTheSameId()
    {
        var relative = DocumentIdentity.ForPath("docs/guide.md");

        Assert.Equal(relative, DocumentIdentity.ForPath("./docs/../docs/guide.md"));
        Assert.Equal(relative, DocumentIdentity.ForPath(Path.GetFullPath("docs/guide.md")));
        Assert.NotEqual(relative, DocumentIdentity.ForPath("docs/other.md"));
        Assert.Matches("^[0-9a-f]{16}$", relative);
    }
}
