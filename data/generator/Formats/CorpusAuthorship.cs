namespace RagPlatform.SampleCorpus.Formats;

internal static class CorpusAuthorship
{
    public const string Author = "RagPlatform team";
    public const string Generator = "RagPlatform.SampleCorpus";
}
