using System.Text.Json.Nodes;

namespace Custos.Identity;

/// <summary>
/// One well-formed operation of an identity JSON Patch (RFC 6902), as <see cref="JsonPatchParser"/> accepts it:
/// <see cref="Op"/> is <c>add</c>, <c>remove</c> or <c>replace</c>, <see cref="Path"/> is a valid JSON pointer and
/// <see cref="Value"/> (possibly JSON null) is set for <c>add</c> and <c>replace</c>.
/// </summary>
internal sealed record JsonPatchOperation(string Op, string Path, JsonNode? Value);
