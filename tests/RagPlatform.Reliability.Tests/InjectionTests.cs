using RagPlatform.Reliability.Injection;
using Xunit.Abstractions;

namespace RagPlatform.Reliability.Tests;

public sealed class InjectionTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Hostile_documents_change_no_answer_no_prompt_run_no_function_and_render_as_text()
    {
        var result = await InjectionScenario.RunAsync(new InjectionOptions(Questions: 12), output.WriteLine, CancellationToken.None);

        Assert.Empty(result.Problems);
        Assert.Equal(result.Questions, result.ExtractiveAnswersUnchanged);
        Assert.Equal(result.TargetedQuestions, result.TargetedAnswersOnlyQuoting);
        Assert.Equal(result.GeneratedPrompts, result.GeneratedPromptsIntact);
        Assert.Empty(result.OtherFunctionsRun);
        Assert.True(result.RetrievalCalls > 0);
        Assert.Empty(result.UnsafeRenderedNodes);
        Assert.True(result.PayloadsShownAsText);
        Assert.True(result.ToReport().Passed);
    }
}
