namespace RagPlatform.Reliability.Injection;

/// <param name="Questions">How many questions of data/eval/qa.jsonl are asked with and without the hostile documents.</param>
public sealed record InjectionOptions(int Questions = 66);
