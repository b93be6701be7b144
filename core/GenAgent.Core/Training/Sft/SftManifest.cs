namespace GenAgent.Core.Training.Sft;

/// <summary>What an export wrote and what each filter removed; written as <c>manifest.json</c> beside the data.</summary>
public sealed record SftManifest(
    string Format,
    string Judge,
    int Seed,
    double ValidationShare,
    int Read,
    int NotDone,
    int ProtocolViolation,
    int WorseLater,
    int DuplicatePrompt,
    int Unusable,
    int Kept,
    int Train,
    int Validation,
    IReadOnlyList<string> Files);
