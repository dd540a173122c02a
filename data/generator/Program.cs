using RagPlatform.SampleCorpus;
using RagPlatform.SampleCorpus.Formats.Docx;
using RagPlatform.SampleCorpus.Formats.Pdf;

if (args.Length != 2)
{
    Console.Error.WriteLine("Usage: dotnet run --project data/generator -- <source folder> <output folder>");
    Console.Error.WriteLine("Example: dotnet run --project data/generator -- data/generator/sources data/corpus");
    return 2;
}

var generator = new CorpusGenerator([new PdfCorpusFormat(), new DocxCorpusFormat()]);
try
{
    foreach (var generated in generator.Generate(args[0], args[1]))
    {
        Console.WriteLine($"{generated.SourcePath} -> {generated.OutputPath}: {generated.Verification}");
    }

    return 0;
}
catch (Exception exception) when (exception is InvalidDataException or IOException)
{
    Console.Error.WriteLine($"error: {exception.Message}");
    return 1;
}
