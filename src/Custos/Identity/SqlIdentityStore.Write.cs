using System.Data.Common;
using Dapper;

namespace Custos.Identity;

internal sealed partial class SqlIdentityStore
{
    public async Task CreateAsync(Identity identity, CancellationToken ct)
    {
        await WriteAsync(async (connection, c) =>
        {
            await connection.ExecuteAsync(Command(
                $"INSERT INTO identities (id, nid, schema_id, traits, state, state_changed_at, metadata_public, metadata_admin, available_aal, external_id, organization_id, created_at, updated_at) "
                + $"VALUES (@Id, @Nid, @SchemaId, {Json("@Traits")}, @State, @StateChangedAt, {Json("@MetadataPublic")}, {Json("@MetadataAdmin")}, @AvailableAal, @ExternalId, @OrganizationId, @CreatedAt, @UpdatedAt)",
                IdentityParameters(identity), c));
            await InsertChildrenAsync(connection, identity, c);
        }, ct);
    }

    public async Task UpdateAsync(Identity identity, CancellationToken ct)
    {
        await WriteAsync(async (connection, c) =>
        {
            await connection.ExecuteAsync(Command(
                $"UPDATE identities SET schema_id = @SchemaId, traits = {Json("@Traits")}, state = @State, state_changed_at = @StateChangedAt, "
                + $"metadata_public = {Json("@MetadataPublic")}, metadata_admin = {Json("@MetadataAdmin")}, available_aal = @AvailableAal, "
                + "external_id = @ExternalId, organization_id = @OrganizationId, updated_at = @UpdatedAt WHERE nid = @Nid AND id = @Id",
                IdentityParameters(identity), c));
            var key = new { Nid, identity.Id };
            // Children are replaced wholesale; ids and timestamps of kept addresses/credentials are carried by the model.
            await connection.ExecuteAsync(Command("DELETE FROM identity_credentials WHERE nid = @Nid AND identity_id = @Id", key, c));
            await connection.ExecuteAsync(Command("DELETE FROM identity_verifiable_addresses WHERE nid = @Nid AND identity_id = @Id", key, c));
            await connection.ExecuteAsync(Command("DELETE FROM identity_recovery_addresses WHERE nid = @Nid AND identity_id = @Id", key, c));
            await InsertChildrenAsync(connection, identity, c);
        }, ct);
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        var deleted = await connection.ExecuteAsync(Command("DELETE FROM identities WHERE nid = @Nid AND id = @id", new { Nid, id }, ct));
        return deleted > 0;
    }

    private async Task WriteAsync(Func<DbConnection, CancellationToken, Task> write, CancellationToken ct)
    {
        try
        {
            await db.RunInTransactionAsync(async c => await write(await db.ConnectionAsync(c), c), ct);
        }
        catch (Exception e) when (Persistence.UniqueViolation.Is(e))
        {
            throw new IdentityConflictException(e);
        }
    }

    private async Task InsertChildrenAsync(DbConnection connection, Identity identity, CancellationToken ct)
    {
        foreach (var credential in identity.Credentials.Values)
        {
            if (credential.Id == Guid.Empty)
            {
                credential.Id = Guid.NewGuid();
            }

            await connection.ExecuteAsync(Command(
                $"INSERT INTO identity_credentials (id, nid, identity_id, type, config, version, created_at, updated_at) VALUES (@Id, @Nid, @IdentityId, @Type, {Json("@Config")}, @Version, @CreatedAt, @UpdatedAt)",
                new { credential.Id, Nid, IdentityId = identity.Id, credential.Type, Config = credential.Config.ToJsonString(), credential.Version, credential.CreatedAt, credential.UpdatedAt }, ct));
            foreach (var identifier in credential.Identifiers.Distinct(StringComparer.Ordinal))
            {
                await connection.ExecuteAsync(Command(
                    "INSERT INTO identity_credential_identifiers (id, nid, identity_id, identity_credential_id, type, identifier, created_at, updated_at) VALUES (@Id, @Nid, @IdentityId, @CredentialId, @Type, @Identifier, @CreatedAt, @UpdatedAt)",
                    new { Id = Guid.NewGuid(), Nid, IdentityId = identity.Id, CredentialId = credential.Id, credential.Type, Identifier = identifier, credential.CreatedAt, credential.UpdatedAt }, ct));
            }
        }

        foreach (var a in identity.VerifiableAddresses)
        {
            if (a.Id == Guid.Empty)
            {
                a.Id = Guid.NewGuid();
            }

            await connection.ExecuteAsync(Command(
                "INSERT INTO identity_verifiable_addresses (id, nid, identity_id, via, value, verified, verified_at, status, created_at, updated_at) VALUES (@Id, @Nid, @IdentityId, @Via, @Value, @Verified, @VerifiedAt, @Status, @CreatedAt, @UpdatedAt)",
                new { a.Id, Nid, IdentityId = identity.Id, a.Via, a.Value, a.Verified, a.VerifiedAt, a.Status, a.CreatedAt, a.UpdatedAt }, ct));
        }

        foreach (var a in identity.RecoveryAddresses)
        {
            if (a.Id == Guid.Empty)
            {
                a.Id = Guid.NewGuid();
            }

            await connection.ExecuteAsync(Command(
                "INSERT INTO identity_recovery_addresses (id, nid, identity_id, via, value, created_at, updated_at) VALUES (@Id, @Nid, @IdentityId, @Via, @Value, @CreatedAt, @UpdatedAt)",
                new { a.Id, Nid, IdentityId = identity.Id, a.Via, a.Value, a.CreatedAt, a.UpdatedAt }, ct));
        }
    }

    private static object IdentityParameters(Identity i) => new
    {
        i.Id,
        Nid,
        i.SchemaId,
        Traits = i.Traits.ToJsonString(),
        i.State,
        i.StateChangedAt,
        MetadataPublic = i.MetadataPublic?.ToJsonString(),
        MetadataAdmin = i.MetadataAdmin?.ToJsonString(),
        i.AvailableAal,
        i.ExternalId,
        i.OrganizationId,
        i.CreatedAt,
        i.UpdatedAt,
    };
}
