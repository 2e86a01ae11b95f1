using System.Text.Json;

namespace Custos.Schema.Validation.Keywords;

/// <summary>A compiled keyword of one schema. Implementations are immutable and shared across validations.</summary>
internal abstract class KeywordEvaluator(string keyword, string location)
{
    public string Keyword { get; } = keyword;

    /// <summary><c>#</c> plus the JSON pointer of this keyword inside its schema document.</summary>
    public string Location { get; } = location;

    /// <summary>When true, a failure stops the remaining keywords of the schema (Kratos's validator stops after a type mismatch).</summary>
    public virtual bool StopsOnFailure => false;

    public abstract void Evaluate(EvaluationContext context, JsonElement instance, string instancePath, EvaluationResult result);

    protected SchemaError Error(string instancePath, string message, Dictionary<string, object?>? details = null) =>
        new(instancePath, Location, Keyword, message, details ?? []);
}
