namespace RagPlatform.Web.Tests.Support;

/// <summary>A three-question QA dataset about <see cref="TestAnswers.DocumentText"/>, written where the evaluation page finds datasets.</summary>
internal static class SmallDataset
{
    public const string FileName = "small.jsonl";

    public const string Lines = """
        {"id":"s1","question":"What lets every token weigh every other token?","answers":["Self-attention"],"passages":[{"source":"attention.md","text":"Self-attention lets every token weigh every other token."}],"answerable":true,"language":"en","tags":["attention"]}
        {"id":"s2","question":"What adds order information?","answers":["Positional encodings"],"passages":[{"source":"attention.md","text":"Positional encodings add order information."}],"answerable":true,"language":"en","tags":["encoding"]}
        {"id":"s3","question":"Who won the 1998 World Cup?","answers":[],"passages":[],"answerable":false,"language":"en","tags":["unanswerable"]}
        """;

    public static string WriteTo(string storePath)
    {
        var folder = Path.Combine(storePath, "eval-datasets");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName);
        File.WriteAllText(path, Lines);
        return path;
    }
}
