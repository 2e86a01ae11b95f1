using System.Text.Json.Nodes;
using Custos.Identity;
using Custos.Persistence;

namespace Custos.Persistence.Tests;

/// <summary>The identity store behaviour every database must show.</summary>
public abstract class IdentityStoreConformance(DatabaseFixture fixture)
{
    private async Task<T> WithStoreAsync<T>(Func<SqlIdentityStore, Task<T>> work)
    {
        Skip.If(fixture.Unavailable is not null, fixture.Unavailable);
        await using var session = new DbSession(fixture.Factory);
        return await work(new SqlIdentityStore(session));
    }

    private static Identity.Identity NewIdentity(string email)
    {
        var now = DateTime.UtcNow;
        now = new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc);
        var identity = new Identity.Identity
        {
            Id = Guid.NewGuid(),
            SchemaId = "default",
            Traits = new JsonObject { ["email"] = email },
            MetadataPublic = new JsonObject { ["plan"] = "pro" },
            StateChangedAt = now,
            CreatedAt = now,
            UpdatedAt = now,
        };
        identity.Credentials["password"] = new Credentials
        {
            Type = "password", Identifiers = [email], Config = new JsonObject { ["hashed_password"] = "$2a$04$x" }, CreatedAt = now, UpdatedAt = now,
        };
        identity.VerifiableAddresses.Add(new VerifiableAddress { Value = email, Via = "email", CreatedAt = now, UpdatedAt = now });
        identity.RecoveryAddresses.Add(new RecoveryAddress { Value = email, Via = "email", CreatedAt = now, UpdatedAt = now });
        return identity;
    }

    [SkippableFact]
    public async Task Create_ThenGet_RoundTripsEveryField()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        var identity = NewIdentity(email);

        var loaded = await WithStoreAsync(async store =>
        {
            await store.CreateAsync(identity, CancellationToken.None);
            return await store.GetAsync(identity.Id, withCredentials: true, CancellationToken.None);
        });

        Assert.NotNull(loaded);
        Assert.Equal(email, loaded.Traits["email"]!.GetValue<string>());
        Assert.Equal("pro", loaded.MetadataPublic!["plan"]!.GetValue<string>());
        Assert.Null(loaded.MetadataAdmin);
        Assert.Equal(identity.CreatedAt, loaded.CreatedAt);
        Assert.Equal(DateTimeKind.Utc, loaded.CreatedAt.Kind);
        Assert.Equal([email], loaded.Credentials["password"].Identifiers);
        Assert.Equal("$2a$04$x", loaded.Credentials["password"].Config["hashed_password"]!.GetValue<string>());
        Assert.False(Assert.Single(loaded.VerifiableAddresses).Verified);
        Assert.Equal(email, Assert.Single(loaded.RecoveryAddresses).Value);
    }

    [SkippableFact]
    public async Task Create_DuplicateIdentifier_ThrowsConflict_AndWritesNothing()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        var second = NewIdentity(email);

        await Assert.ThrowsAsync<IdentityConflictException>(() => WithStoreAsync<bool>(async store =>
        {
            await store.CreateAsync(NewIdentity(email), CancellationToken.None);
            await store.CreateAsync(second, CancellationToken.None);
            return true;
        }));

        Assert.Null(await WithStoreAsync(s => s.GetAsync(second.Id, false, CancellationToken.None)));
    }

    [SkippableFact]
    public async Task FindByCredentialsIdentifier_FindsOwner()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        var identity = NewIdentity(email);

        var found = await WithStoreAsync(async store =>
        {
            await store.CreateAsync(identity, CancellationToken.None);
            return await store.FindByCredentialsIdentifierAsync("password", email, CancellationToken.None);
        });

        Assert.Equal(identity.Id, found?.Id);
    }

    [SkippableFact]
    public async Task List_KeysetPagination_WalksInIdOrder()
    {
        var created = new List<Guid>();
        await WithStoreAsync(async store =>
        {
            for (var i = 0; i < 5; i++)
            {
                var identity = NewIdentity($"{Guid.NewGuid():N}@page.example");
                await store.CreateAsync(identity, CancellationToken.None);
                created.Add(identity.Id);
            }

            return true;
        });

        var seen = new List<Guid>();
        Guid? after = null;
        while (true)
        {
            var page = await WithStoreAsync(s => s.ListAsync(new IdentityListQuery { PageSize = 2, After = after, CredentialsIdentifierPrefix = "" }, CancellationToken.None));
            if (page.Count == 0)
            {
                break;
            }

            seen.AddRange(page.Select(p => p.Id));
            after = page[^1].Id;
        }

        Assert.Equal(seen.OrderBy(g => g.ToString()).ToList(), seen);
        Assert.Subset(seen.ToHashSet(), created.ToHashSet());
    }

    [SkippableFact]
    public async Task Update_ReplacesChildren_AndDeleteCascades()
    {
        var identity = NewIdentity($"{Guid.NewGuid():N}@example.com");
        var newEmail = $"{Guid.NewGuid():N}@example.com";

        var updated = await WithStoreAsync(async store =>
        {
            await store.CreateAsync(identity, CancellationToken.None);
            identity.Traits = new JsonObject { ["email"] = newEmail };
            identity.Credentials["password"].Identifiers = [newEmail];
            identity.VerifiableAddresses[0].Value = newEmail;
            identity.VerifiableAddresses[0].Verified = true;
            await store.UpdateAsync(identity, CancellationToken.None);
            return await store.GetAsync(identity.Id, true, CancellationToken.None);
        });
        var deleted = await WithStoreAsync(s => s.DeleteAsync(identity.Id, CancellationToken.None));
        var orphan = await WithStoreAsync(s => s.FindByCredentialsIdentifierAsync("password", newEmail, CancellationToken.None));

        Assert.Equal([newEmail], updated!.Credentials["password"].Identifiers);
        Assert.True(updated.VerifiableAddresses[0].Verified);
        Assert.True(deleted);
        Assert.Null(orphan);
    }
}

public sealed class SqliteIdentityStoreTests(SqliteFixture fixture) : IdentityStoreConformance(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresIdentityStoreTests(PostgresFixture fixture) : IdentityStoreConformance(fixture), IClassFixture<PostgresFixture>;
