namespace Custos.Schema.Stored;

/// <summary>The identity schemas stored in the database (<c>identity_schemas</c>), through the request's DbSession.</summary>
internal interface IIdentitySchemaStore
{
    /// <summary>The stored schema with this id, or null.</summary>
    Task<StoredIdentitySchema?> GetAsync(string id, CancellationToken ct);

    /// <summary>How many schemas are stored.</summary>
    Task<int> CountAsync(CancellationToken ct);

    /// <summary>A page of stored schemas ordered by id.</summary>
    Task<IReadOnlyList<StoredIdentitySchema>> ListAsync(int offset, int limit, CancellationToken ct);

    /// <summary>Stores or replaces a schema; returns the row and whether it was new.</summary>
    Task<(StoredIdentitySchema Schema, bool Created)> PutAsync(string id, string schema, CancellationToken ct);

    /// <summary>Removes a schema unless an identity uses it; the check and the delete are one transaction.</summary>
    Task<SchemaDeletion> DeleteAsync(string id, CancellationToken ct);
}
