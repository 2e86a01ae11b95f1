namespace Custos.Schema.Stored;

/// <summary>A row of <c>identity_schemas</c>: a schema stored through the admin API, as the JSON text received.</summary>
internal sealed class StoredIdentitySchema
{
    public const string Columns = "id, schema, created_at, updated_at";

    public string Id { get; set; } = "";
    public string Schema { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
