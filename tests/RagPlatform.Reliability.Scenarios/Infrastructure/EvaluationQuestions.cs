using System.Text.Json;

namespace RagPlatform.Reliability.Infrastructure;

/// <summary>The questions of the bundled evaluation set (data/eval/qa.jsonl), in file order.</summary>
public static class EvaluationQuestions
{
    public static IReadOnlyList<string> Read(int? count = null)
    {
        var questions = File.ReadLines(RepositoryLayout.EvaluationQuestions)
            .Where(line => line.Trim().Length > 0)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("question").GetString()!);
        return [.. count is { } limit ? questions.Take(limit) : questions];
    }
}
