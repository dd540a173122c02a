namespace RagPlatform.Reliability.Crash;

/// <param name="Kills">How many ingestion runs are killed with SIGKILL.</param>
/// <param name="Documents">Size of the generated corpus; a full ingest should take a few seconds.</param>
/// <param name="Seed">Seeds the corpus and the kill delays, so a run can be repeated.</param>
/// <param name="Readers">Concurrent in-process readers searching the store while the writer runs and dies.</param>
/// <param name="WithVectors">Embed with a tiny ONNX encoder, so vectors are written (and checked) too.</param>
/// <param name="RagpProgram">ragp.dll to run; null uses the one built in this checkout.</param>
public sealed record CrashOptions(
    int Kills = 50,
    int Documents = 400,
    int Seed = 4242,
    int Readers = 2,
    bool WithVectors = true,
    string? RagpProgram = null);
