using System.Reflection;
using Custos.Audit;

namespace Custos.Admin.Webhooks;

/// <summary>
/// The event patterns of a webhook subscription: an audit event type (<c>identity.created</c>), a prefix glob
/// (<c>identity.*</c>, matching every type that starts with <c>identity.</c>), or <c>*</c> (every event).
/// </summary>
internal static class EventPatterns
{
    public const string All = "*";

    /// <summary>
    /// The admin plane's own configuration events stay in the audit log and are never delivered: a subscriber to
    /// <c>*</c> would otherwise learn of every other subscription, key and stored schema.
    /// </summary>
    private static readonly string[] AuditOnlyPrefixes = ["webhook.", "admin_key.", "identity_schema."];

    /// <summary>
    /// Every deliverable type in <see cref="AuditEventTypes"/>, read from its constants so a new type is known at once.
    /// </summary>
    public static IReadOnlySet<string> KnownTypes { get; } = typeof(AuditEventTypes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .Where(IsDeliverable)
        .ToHashSet(StringComparer.Ordinal);

    public static bool IsDeliverable(string type) => !AuditOnlyPrefixes.Any(p => type.StartsWith(p, StringComparison.Ordinal));

    public static bool IsMatch(string pattern, string type) =>
        IsDeliverable(type)
        && (pattern == All
            || (pattern.EndsWith(".*", StringComparison.Ordinal) && type.StartsWith(pattern[..^1], StringComparison.Ordinal))
            || string.Equals(pattern, type, StringComparison.Ordinal));

    public static bool MatchesAny(IEnumerable<string> patterns, string type) => patterns.Any(p => IsMatch(p, type));

    /// <summary>
    /// Why <paramref name="pattern"/> is refused, or null. A glob must match at least one known type, so a typo
    /// (<c>identiy.*</c>) is a 400 rather than a subscription that never fires.
    /// </summary>
    public static string? Problem(string pattern)
    {
        if (pattern == All || KnownTypes.Contains(pattern))
        {
            return null;
        }

        if (pattern.EndsWith(".*", StringComparison.Ordinal) && pattern.Length > 2 && !pattern[..^2].Contains('*')
            && KnownTypes.Any(t => IsMatch(pattern, t)))
        {
            return null;
        }

        return $"\"{pattern}\" is neither a known event type nor a glob (\"prefix.*\" or \"*\") matching one; known types: {string.Join(", ", KnownTypes.Order(StringComparer.Ordinal))}";
    }
}
