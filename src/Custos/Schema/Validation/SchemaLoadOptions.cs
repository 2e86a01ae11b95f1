namespace Custos.Schema.Validation;

/// <summary>Tuning for <see cref="JsonSchema.Load"/>.</summary>
internal sealed record SchemaLoadOptions
{
    public static readonly SchemaLoadOptions Default = new();

    /// <summary>The dialect of schemas that declare no <c>$schema</c>. Kratos identity schemas are draft-07.</summary>
    public SchemaDraft DefaultDraft { get; init; } = SchemaDraft.Draft7;

    /// <summary>
    /// Whether <c>format</c> is an assertion. <c>null</c> follows the dialect: draft-07 asserts (as Kratos's validator
    /// does for identity traits), 2020-12 only annotates (as the 2020-12 specification requires by default).
    /// </summary>
    public bool? AssertFormat { get; init; }

    /// <summary>Maximum nesting of schema evaluations; guards against <c>$ref</c> cycles that never consume the instance.</summary>
    public int MaxEvaluationDepth { get; init; } = 256;

    /// <summary>Time budget of one regular-expression match; a timeout is reported as a validation error.</summary>
    public TimeSpan RegexTimeout { get; init; } = TimeSpan.FromMilliseconds(100);
}
