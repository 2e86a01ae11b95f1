using Custos.Persistence;
using Dapper;

namespace Custos.Schema.Stored;

/// <summary>
/// Reads one stored schema row for <see cref="IdentitySchemaProvider"/>, which is a singleton and may be asked from any
/// scope: it opens its own connection, outside any transaction of the caller, and sees what is committed.
/// </summary>
internal sealed class StoredSchemaReader(IDbConnectionFactory factory)
{
    /// <summary>The stored schema with this id, or null.</summary>
    public async Task<StoredIdentitySchema?> FindAsync(string id, CancellationToken ct)
    {
        var connection = await factory.OpenAsync(ct);
        try
        {
            return await connection.QuerySingleOrDefaultAsync<StoredIdentitySchema>(
                new CommandDefinition(SqlIdentitySchemaStore.SelectById, new { Nid = Network.DefaultId, Id = id }, cancellationToken: ct));
        }
        finally
        {
            await factory.ReleaseAsync(connection);
        }
    }
}
