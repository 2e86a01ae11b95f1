namespace Custos.UnitTests.Schema;

/// <summary>The outcome of one test case of the official JSON-Schema-Test-Suite.</summary>
internal sealed record SuiteCaseResult(string Group, string Test, bool Passed, string? Failure)
{
    public string Name => $"{Group} / {Test}";
}
