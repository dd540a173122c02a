namespace RagPlatform.SampleCorpus;

internal sealed record GeneratedDocument(string SourcePath, string OutputPath, string Verification);
