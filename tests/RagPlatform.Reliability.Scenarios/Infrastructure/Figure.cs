namespace RagPlatform.Reliability.Infrastructure;

/// <summary>One measured figure of a scenario: its value, the promise it is held to, and whether it kept it.</summary>
public sealed record Figure(string Name, string Value, string Target, bool Passed);

/// <summary>What a scenario run measured, ready for the reliability report.</summary>
/// <param name="Failures">Each broken promise with its details; empty when every figure passed.</param>
public sealed record ScenarioReport(string Scenario, IReadOnlyList<Figure> Figures, IReadOnlyList<string> Failures)
{
    public bool Passed => Failures.Count == 0 && Figures.All(figure => figure.Passed);
}
