namespace RagPlatform.Benchmarks.Harness;

/// <summary>One baseline-against-candidate comparison and the speedup it has to reach.</summary>
internal sealed record SpeedResult(
    string Scenario, string Workload, string Baseline, string Candidate, PairedTimes Times, double TargetSpeedup, string Notes)
{
    public bool Passed => Times.Speedup >= TargetSpeedup;
}
