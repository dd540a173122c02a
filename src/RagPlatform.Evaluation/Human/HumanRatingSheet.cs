using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using RagPlatform.Evaluation.Runs;

namespace RagPlatform.Evaluation.Human;

/// <summary>Filled rating sheets that break the rules; <see cref="Exception.Message"/> lists every problem with its file and row.</summary>
public sealed class HumanRatingFormatException(IReadOnlyList<string> problems)
    : Exception($"The rating sheets have {problems.Count} problem(s):{Environment.NewLine}{string.Join(Environment.NewLine, problems)}")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>
/// CSV rating sheets for human evaluation: export one per run, let raters fill <c>correctness_1_5</c> (1–5),
/// <c>hallucination_yes_no</c> (yes/no), <c>comment</c> and <c>rater</c>, import one or more filled sheets, and attach
/// the ratings to the run. Rows with neither rating filled are treated as not yet rated.
/// </summary>
public static class HumanRatingSheet
{
    public const string QuestionIdColumn = "question_id";
    public const string QuestionColumn = "question";
    public const string AnswerColumn = "answer";
    public const string CitationsColumn = "citations";
    public const string CorrectnessColumn = "correctness_1_5";
    public const string HallucinationColumn = "hallucination_yes_no";
    public const string CommentColumn = "comment";
    public const string RaterColumn = "rater";

    private static readonly string[] Columns =
        [QuestionIdColumn, QuestionColumn, AnswerColumn, CitationsColumn, CorrectnessColumn, HallucinationColumn, CommentColumn, RaterColumn];

    public static async Task ExportAsync(EvaluationRun run, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);

        // A byte-order mark makes spreadsheet programs read the UTF-8 (Indonesian and typographic characters) correctly.
        await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var column in Columns)
        {
            csv.WriteField(column);
        }

        await csv.NextRecordAsync().ConfigureAwait(false);
        foreach (var question in run.Questions.Where(question => question.Error is null))
        {
            cancellationToken.ThrowIfCancellationRequested();
            csv.WriteField(question.Id);
            csv.WriteField(question.Question);
            csv.WriteField(question.AnswerText);
            csv.WriteField(string.Join(" | ", question.Citations.Select(citation => $"[{citation.Number}] {citation.SourcePath}: \"{citation.Quote}\"")));
            for (var empty = 0; empty < 4; empty++)
            {
                csv.WriteField("");
            }

            await csv.NextRecordAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Reads filled sheets (several raters, one or more files) and checks every row against the run.</summary>
    /// <exception cref="HumanRatingFormatException">Any row is invalid; all problems are reported at once.</exception>
    public static async Task<IReadOnlyList<HumanRating>> ImportAsync(IEnumerable<string> paths, EvaluationRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(run);
        var questionIds = run.Questions.Select(question => question.Id).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        var ratings = new List<HumanRating>();
        var firstSeen = new Dictionary<(string QuestionId, string Rater), string>();
        foreach (var path in paths)
        {
            foreach (var (location, rating) in await ReadSheetAsync(path, questionIds, problems, cancellationToken).ConfigureAwait(false))
            {
                if (firstSeen.TryGetValue((rating.QuestionId, rating.Rater), out var earlier))
                {
                    problems.Add($"{location}: rater '{rating.Rater}' already rated question '{rating.QuestionId}' ({earlier})");
                    continue;
                }

                firstSeen[(rating.QuestionId, rating.Rater)] = location;
                ratings.Add(rating);
            }
        }

        return problems.Count > 0 ? throw new HumanRatingFormatException(problems) : ratings;
    }

    /// <summary>The run with these ratings added; a rating replaces an earlier one by the same rater for the same question.</summary>
    public static EvaluationRun Attach(EvaluationRun run, IEnumerable<HumanRating> ratings)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(ratings);
        var added = ratings.ToList();
        var replaced = added.Select(rating => (rating.QuestionId, rating.Rater)).ToHashSet();
        var kept = run.HumanRatings.Where(rating => !replaced.Contains((rating.QuestionId, rating.Rater)));
        return run with { HumanRatings = kept.Concat(added).ToList() };
    }

    private static async Task<List<(string Location, HumanRating Rating)>> ReadSheetAsync(string path, HashSet<string> questionIds, List<string> problems, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            problems.Add($"{name}: file not found ({path})");
            return [];
        }

        var rows = new List<(string, HumanRating)>();
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim });
        if (!await csv.ReadAsync().ConfigureAwait(false) || !csv.ReadHeader())
        {
            problems.Add($"{name}: the sheet is empty; expected the header {string.Join(",", Columns)}");
            return [];
        }

        var missing = new[] { QuestionIdColumn, CorrectnessColumn, HallucinationColumn, RaterColumn }
            .Where(column => !csv.HeaderRecord!.Contains(column, StringComparer.Ordinal))
            .ToList();
        if (missing.Count > 0)
        {
            problems.Add($"{name}: missing column(s) {string.Join(", ", missing)}");
            return [];
        }

        var hasComment = csv.HeaderRecord!.Contains(CommentColumn, StringComparer.Ordinal);
        while (await csv.ReadAsync().ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var location = $"{name} row {csv.Parser.Row}";
            var row = new SheetRow(
                csv.GetField(QuestionIdColumn) ?? "",
                csv.GetField(CorrectnessColumn) ?? "",
                csv.GetField(HallucinationColumn) ?? "",
                hasComment ? csv.GetField(CommentColumn) ?? "" : "",
                csv.GetField(RaterColumn) ?? "");
            if (row.IsUnrated)
            {
                continue;
            }

            var rowProblems = row.Validate(questionIds).ToList();
            problems.AddRange(rowProblems.Select(problem => $"{location}: {problem}"));
            if (rowProblems.Count == 0)
            {
                rows.Add((location, row.ToRating()));
            }
        }

        return rows;
    }

    private sealed record SheetRow(string QuestionId, string Correctness, string Hallucination, string Comment, string Rater)
    {
        public bool IsUnrated => Correctness.Length == 0 && Hallucination.Length == 0;

        public IEnumerable<string> Validate(HashSet<string> questionIds)
        {
            if (QuestionId.Length == 0)
            {
                yield return $"{QuestionIdColumn} is empty";
            }
            else if (!questionIds.Contains(QuestionId))
            {
                yield return $"question '{QuestionId}' is not in this run";
            }

            if (ParseCorrectness() is null)
            {
                yield return $"{CorrectnessColumn} must be a whole number from 1 to 5, got '{Correctness}'";
            }

            if (ParseHallucination() is null)
            {
                yield return $"{HallucinationColumn} must be yes or no, got '{Hallucination}'";
            }

            if (Rater.Length == 0)
            {
                yield return $"{RaterColumn} is empty; every rating needs the rater's name";
            }
        }

        public HumanRating ToRating() => new(QuestionId, Rater, ParseCorrectness()!.Value, ParseHallucination()!.Value, Comment);

        private int? ParseCorrectness() =>
            int.TryParse(Correctness, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= 5 ? value : null;

        private bool? ParseHallucination() => Hallucination.ToLowerInvariant() switch
        {
            "yes" or "y" => true,
            "no" or "n" => false,
            _ => null,
        };
    }
}
