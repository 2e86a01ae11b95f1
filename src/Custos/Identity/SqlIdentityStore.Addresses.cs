using Dapper;
using static Custos.Identity.IdentityRows;

namespace Custos.Identity;

internal sealed partial class SqlIdentityStore
{
    public async Task<AddressOwner<VerifiableAddress>?> FindVerifiableAddressAsync(string via, string value, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<VerifiableAddressRow>(Command(
            "SELECT id, identity_id, via, value, verified, verified_at, status, created_at, updated_at FROM identity_verifiable_addresses WHERE nid = @Nid AND via = @via AND value = @value",
            new { Nid, via, value }, ct));
        return row is null ? null : new AddressOwner<VerifiableAddress>(row.IdentityId, new VerifiableAddress
        {
            Id = row.Id, Via = row.Via, Value = row.Value, Verified = row.Verified, VerifiedAt = row.VerifiedAt, Status = row.Status, CreatedAt = row.CreatedAt, UpdatedAt = row.UpdatedAt,
        });
    }

    public async Task<AddressOwner<RecoveryAddress>?> FindRecoveryAddressAsync(string via, string value, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<RecoveryAddressRow>(Command(
            "SELECT id, identity_id, via, value, created_at, updated_at FROM identity_recovery_addresses WHERE nid = @Nid AND via = @via AND value = @value",
            new { Nid, via, value }, ct));
        return row is null ? null : new AddressOwner<RecoveryAddress>(row.IdentityId, new RecoveryAddress
        {
            Id = row.Id, Via = row.Via, Value = row.Value, CreatedAt = row.CreatedAt, UpdatedAt = row.UpdatedAt,
        });
    }

    public async Task UpdateVerifiableAddressAsync(VerifiableAddress address, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        await connection.ExecuteAsync(Command(
            "UPDATE identity_verifiable_addresses SET verified = @Verified, verified_at = @VerifiedAt, status = @Status, updated_at = @UpdatedAt WHERE nid = @Nid AND id = @Id",
            new { Nid, address.Id, address.Verified, address.VerifiedAt, address.Status, address.UpdatedAt }, ct));
    }
}
