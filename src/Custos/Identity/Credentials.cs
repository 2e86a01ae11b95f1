using System.Text.Json.Nodes;

namespace Custos.Identity;

/// <summary>One credential of an identity: its type, the identifiers it can be found by, and its type-specific config.</summary>
internal sealed class Credentials
{
    public Guid Id { get; set; }
    public required string Type { get; set; }
    public List<string> Identifiers { get; set; } = [];
    public JsonObject Config { get; set; } = [];
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
