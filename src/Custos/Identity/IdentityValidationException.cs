using Custos.Schema.Validation;

namespace Custos.Identity;

/// <summary>The traits do not satisfy the identity schema (or the <c>ory.sh/kratos</c> extension rules).</summary>
internal sealed class IdentityValidationException(IReadOnlyList<SchemaError> errors)
    : Exception(string.Join("; ", errors.Select(Describe)))
{
    public IReadOnlyList<SchemaError> Errors { get; } = errors;

    // Kratos's validator wording: I[instance pointer] S[schema pointer] message.
    private static string Describe(SchemaError e) => $"I[#{e.InstanceLocation}] S[#{e.KeywordLocation}] {e.Message}";
}
