using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using RagPlatform.Core.Answers;
using RagPlatform.Core.Storage;
using RagPlatform.Rag.Ingestion;
using RagPlatform.Reliability.Infrastructure;

namespace RagPlatform.Reliability.Injection;

/// <summary>What the injection scenario measured.</summary>
public sealed record InjectionResult(
    int Questions,
    int ExtractiveAnswersUnchanged,
    int TargetedQuestions,
    int TargetedAnswersOnlyQuoting,
    int GeneratedPrompts,
    int GeneratedPromptsIntact,
    int RetrievalCalls,
    IReadOnlyList<string> OtherFunctionsRun,
    int Renders,
    IReadOnlyList<string> UnsafeRenderedNodes,
    bool PayloadsShownAsText,
    IReadOnlyList<string> Problems)
{
    public ScenarioReport ToReport() => new(InjectionScenario.Name,
    [
        new("Extractive answers quoting the same sentences (none from the hostile documents) once hostile documents are in the store", $"{ExtractiveAnswersUnchanged} of {Questions}", "all", ExtractiveAnswersUnchanged == Questions),
        new("Questions aimed at the hostile documents answered by quoting them, never obeying", $"{TargetedAnswersOnlyQuoting} of {TargetedQuestions}", "all", TargetedAnswersOnlyQuoting == TargetedQuestions),
        new("Generator requests with the system prompt unchanged and the context sections intact", $"{GeneratedPromptsIntact} of {GeneratedPrompts}", "all", GeneratedPromptsIntact == GeneratedPrompts),
        new("Kernel functions run from document text (template syntax)", $"{OtherFunctionsRun.Count} (retrieval.search ran {RetrievalCalls} times)", "0", OtherFunctionsRun.Count == 0 && RetrievalCalls > 0),
        new("Active markup rendered from documents by the web UI (answers and cited passages)",
            $"{UnsafeRenderedNodes.Count} in {Renders} renders; payloads {(PayloadsShownAsText ? "shown as text" : "missing")}", "0", UnsafeRenderedNodes.Count == 0 && PayloadsShownAsText),
    ], Problems);
}

/// <summary>
/// Adds documents that carry instructions, Semantic Kernel template syntax, forged context delimiters and HTML to the
/// sample corpus, then checks extractive answers, the prompts a generator would receive, the kernel functions that
/// run, and how the web UI renders the results.
/// </summary>
public static class InjectionScenario
{
    public const string Name = "injection";

    private const string RetrievalFunction = "retrieval.search";

    public static async Task<InjectionResult> RunAsync(InjectionOptions options, Action<string> log, CancellationToken cancellationToken)
    {
        using var scratch = new ScratchFolder(Name);
        var hostileFolder = scratch.Combine("hostile");
        HostileDocuments.Write(hostileFolder);
        var questions = EvaluationQuestions.Read(options.Questions);
        var problems = new List<string>();

        var cleanStore = scratch.Combine("clean");
        var hostileStore = scratch.Combine("hostile-store");
        var clean = await AnswerExtractivelyAsync(cleanStore, [RepositoryLayout.SampleCorpus], questions, cancellationToken);
        var hostile = await AnswerExtractivelyAsync(hostileStore, [RepositoryLayout.SampleCorpus, hostileFolder], [.. questions, .. HostileDocuments.TargetedQuestions], cancellationToken);
        var hostileSourcePath = hostileFolder.Replace(Path.DirectorySeparatorChar, '/');
        var unchanged = 0;
        for (var i = 0; i < questions.Count; i++)
        {
            var citesHostile = hostile.Answers[i].Citations.Any(citation => citation.SourcePath.StartsWith(hostileSourcePath, StringComparison.Ordinal));
            if (Fingerprint(clean.Answers[i]) == Fingerprint(hostile.Answers[i]) && !citesHostile)
            {
                unchanged++;
            }
            else
            {
                problems.Add($"Extractive answer to '{questions[i]}' changed: '{clean.Answers[i].Text}' became '{hostile.Answers[i].Text}'.");
            }
        }

        var targeted = hostile.Answers.Skip(questions.Count).ToList();
        var quoting = 0;
        foreach (var answer in targeted)
        {
            var obeyed = answer.Text.Trim().StartsWith(HostileDocuments.Marker, StringComparison.Ordinal) || answer.Citations.Count == 0;
            var quotesStoredText = answer.Citations.All(citation => hostile.DocumentTexts.TryGetValue(citation.DocumentId, out var text) && text.Contains(citation.Quote, StringComparison.Ordinal));
            if (!obeyed && quotesStoredText)
            {
                quoting++;
            }
            else
            {
                problems.Add($"The answer to '{answer.Question}' does not just quote the documents: '{answer.Text}'.");
            }
        }

        log($"Extractive: {unchanged}/{questions.Count} answers unchanged, {quoting}/{targeted.Count} targeted answers quote the documents");

        var generativeQuestions = (List<string>)[.. HostileDocuments.TargetedQuestions, .. questions.Take(4)];
        var reference = await RecordGeneratorRequestsAsync(cleanStore, generativeQuestions, cancellationToken);
        var attacked = await RecordGeneratorRequestsAsync(hostileStore, generativeQuestions, cancellationToken);
        var intact = 0;
        for (var i = 0; i < generativeQuestions.Count; i++)
        {
            var problem = PromptProblem(attacked.Requests[i], reference.Requests[i]);
            if (problem is null)
            {
                intact++;
            }
            else
            {
                problems.Add($"Generator request for '{generativeQuestions[i]}': {problem}");
            }
        }

        var otherFunctions = attacked.Functions.Concat(reference.Functions).Where(function => function != RetrievalFunction).Distinct().ToList();
        problems.AddRange(otherFunctions.Select(function => $"Kernel function '{function}' ran."));
        log($"Generative: {intact}/{generativeQuestions.Count} prompts intact, functions run: {string.Join(", ", attacked.Functions.Distinct())}");

        var (renders, unsafeNodes, payloadsShown) = await RenderInWebUiAsync(hostileStore, targeted, cancellationToken);
        problems.AddRange(unsafeNodes.Select(node => $"The web UI rendered {node}."));
        if (!payloadsShown)
        {
            problems.Add("The markup in the documents did not reach the web UI as text, so the rendering check proved nothing.");
        }

        log($"Web UI: {renders} renders, {unsafeNodes.Count} unsafe nodes");
        return new InjectionResult(
            questions.Count, unchanged, targeted.Count, quoting, generativeQuestions.Count, intact,
            attacked.Functions.Count(function => function == RetrievalFunction), otherFunctions, renders, unsafeNodes, payloadsShown, problems);
    }

    private sealed record ExtractiveRun(IReadOnlyList<GroundedAnswer> Answers, IReadOnlyDictionary<string, string> DocumentTexts);

    private static async Task<ExtractiveRun> AnswerExtractivelyAsync(
        string storePath, IReadOnlyList<string> corpus, IReadOnlyList<string> questions, CancellationToken cancellationToken)
    {
        await using var services = PlatformServices.Build(storePath, new Dictionary<string, string?> { ["Answering:Mode"] = "Extractive" });
        var report = await services.GetRequiredService<DocumentIngestionService>().IngestAsync(corpus, cancellationToken: cancellationToken);
        if (report.HasFailures)
        {
            throw new InvalidOperationException($"The injection corpus did not ingest: {string.Join("; ", report.Files.Where(f => f.Error is not null).Select(f => $"{f.SourcePath}: {f.Error}"))}");
        }

        var answerer = services.GetRequiredService<IQuestionAnswerer>();
        var answers = new List<GroundedAnswer>();
        foreach (var question in questions)
        {
            answers.Add(await answerer.AskAsync(new AskRequest(question), cancellationToken));
        }

        var store = services.GetRequiredService<IChunkStore>();
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var document in await store.ListDocumentsAsync(cancellationToken))
        {
            texts[document.Id] = await store.GetDocumentTextAsync(document.Id, cancellationToken) ?? string.Empty;
        }

        return new ExtractiveRun(answers, texts);
    }

    // The quoted sentences, in any order: more documents change BM25 statistics, which may reorder equally good
    // sentences without any document text acting on the answer.
    private static string Fingerprint(GroundedAnswer answer) =>
        $"{answer.Abstained}\n" + string.Join("\n", answer.Citations
            .Select(citation => $"{citation.ChunkId}:{citation.StartOffset}-{citation.EndOffset}")
            .Order(StringComparer.Ordinal));

    private sealed record GeneratorRun(IReadOnlyList<(IReadOnlyList<ChatMessage> Messages, ChatOptions? Options)> Requests, IReadOnlyList<string> Functions);

    /// <summary>Answers in generative mode with a recording model, bait plugins in the kernel and every function call seen.</summary>
    private static async Task<GeneratorRun> RecordGeneratorRequestsAsync(string storePath, IReadOnlyList<string> questions, CancellationToken cancellationToken)
    {
        var model = new RecordingChatClient();
        var functions = new FunctionCallRecorder();
        // A remote generator is configured so the platform registers generative answering as a host would; the
        // recording model then replaces the remote client, which is never contacted.
        await using var services = PlatformServices.Build(
            storePath,
            new Dictionary<string, string?>
            {
                ["Answering:Mode"] = "Generative",
                ["Models:Generator:Endpoint"] = "http://127.0.0.1:9/v1",
                ["Models:Generator:Model"] = "recording-model",
            },
            collection => collection
                .AddSingleton<IChatClient>(model)
                .AddSingleton<IFunctionInvocationFilter>(functions)
                .AddSingleton(KernelPluginFactory.CreateFromType<FunctionCallRecorder.Bait>("spy"))
                .AddSingleton(KernelPluginFactory.CreateFromType<FunctionCallRecorder.Bait>("time")));
        var answerer = services.GetRequiredService<IQuestionAnswerer>();
        foreach (var question in questions)
        {
            var answer = await answerer.AskAsync(new AskRequest(question), cancellationToken);
            if (model.Requests.Count == 0 || (answer.Text != RecordingChatClient.Reply && !answer.Abstained))
            {
                throw new InvalidOperationException($"The recording model did not answer '{question}': '{answer.Text}'.");
            }
        }

        return new GeneratorRun([.. model.Requests], [.. functions.Invoked]);
    }

    private static string? PromptProblem(
        (IReadOnlyList<ChatMessage> Messages, ChatOptions? Options) attacked, (IReadOnlyList<ChatMessage> Messages, ChatOptions? Options) reference)
    {
        var roles = attacked.Messages.Select(message => message.Role).ToList();
        if (!roles.SequenceEqual([ChatRole.System, ChatRole.User]))
        {
            return $"messages have the roles {string.Join(", ", roles)} instead of system, user";
        }

        if (attacked.Messages[0].Text != reference.Messages[0].Text)
        {
            return "the system prompt differs from the one sent without hostile documents";
        }

        if (attacked.Options?.Tools is { Count: > 0 } tools)
        {
            return $"the model was offered {tools.Count} tool(s)";
        }

        var user = attacked.Messages[1].Text;
        foreach (var delimiter in (string[])["<context>", "</context>", "<question>", "</question>"])
        {
            var count = Regex.Count(user, Regex.Escape(delimiter));
            if (count != 1)
            {
                return $"the user message has {count} '{delimiter}' delimiters";
            }
        }

        return user.Contains("<message", StringComparison.Ordinal) || user.Contains(FunctionCallRecorder.SpyOutput, StringComparison.Ordinal)
            ? "document text forged a chat message or ran a function"
            : null;
    }

    private static async Task<(int Renders, List<string> UnsafeNodes, bool PayloadsShown)> RenderInWebUiAsync(
        string storePath, IReadOnlyList<GroundedAnswer> answers, CancellationToken cancellationToken)
    {
        await using var web = new WebRendering(storePath);
        var unsafeNodes = new List<string>();
        var visibleText = new System.Text.StringBuilder();
        var renders = 0;
        foreach (var answer in answers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var rendered in (List<WebRendering.Rendered>)[await web.AnswerAsync(answer), .. await Task.WhenAll(answer.Citations.Select(web.SourcePassageAsync))])
            {
                renders++;
                unsafeNodes.AddRange(rendered.UnsafeNodes);
                visibleText.Append(rendered.Text);
            }
        }

        var text = visibleText.ToString();
        return (renders, unsafeNodes, HostileDocuments.MarkupPayloads.All(payload => text.Contains(payload, StringComparison.Ordinal)));
    }
}
