using Custos.Audit;

namespace Custos.UnitTests.Audit;

/// <summary>The chain hash covers every stored column and the previous hash, unambiguously.</summary>
public sealed class AuditChainTests
{
    private static AuditRow Row(string? actorName = "ops", string? ipAddress = "192.0.2.1", string details = """{"method":"password"}""") => new()
    {
        Id = Guid.Parse("5a0a8d8e-7b5c-4d1e-9a51-7f1b8a0c1d2e"),
        Nid = Guid.Parse("00000000-0000-0000-0000-000000000001"),
        Type = AuditEventTypes.LoginSucceeded,
        OccurredAt = new DateTime(2026, 12, 7, 10, 0, 0, DateTimeKind.Utc).AddTicks(1234567),
        ActorKind = AuditActor.AdminKeyKind,
        ActorId = Guid.Parse("1b0a8d8e-7b5c-4d1e-9a51-7f1b8a0c1d2e"),
        ActorName = actorName,
        IpAddress = ipAddress,
        Details = details,
    };

    [Fact]
    public void Hash_IsLowerHexSha256_AndDeterministic()
    {
        var first = AuditChain.Compute("abc", Row());

        Assert.Matches("^[0-9a-f]{64}$", first);
        Assert.Equal(first, AuditChain.Compute("abc", Row()));
    }

    [Fact]
    public void Hash_DependsOnThePreviousHash()
    {
        Assert.NotEqual(AuditChain.Compute(null, Row()), AuditChain.Compute("00", Row()));
    }

    [Fact]
    public void Hash_ChangesWhenTextMovesBetweenColumns()
    {
        Assert.NotEqual(AuditChain.Compute(null, Row(actorName: "ops1", ipAddress: "92.0.2.1")), AuditChain.Compute(null, Row(actorName: "ops", ipAddress: "192.0.2.1")));
        Assert.NotEqual(AuditChain.Compute(null, Row(ipAddress: null)), AuditChain.Compute(null, Row(ipAddress: "")));
    }

    [Fact]
    public void Hash_ChangesWithTheDetails()
    {
        Assert.NotEqual(AuditChain.Compute(null, Row()), AuditChain.Compute(null, Row(details: """{"method":"totp"}""")));
    }

    [Fact]
    public void Times_AreHashedAtMicrosecondPrecision_AsPostgreSqlStoresThem()
    {
        var row = Row();
        var stored = new AuditRow { Id = row.Id, Nid = row.Nid, Type = row.Type, OccurredAt = AuditChain.Truncate(row.OccurredAt), ActorKind = row.ActorKind, ActorId = row.ActorId, ActorName = row.ActorName, IpAddress = row.IpAddress, Details = row.Details };

        Assert.Equal(0, stored.OccurredAt.Ticks % 10);
        Assert.Equal(AuditChain.Compute(null, row), AuditChain.Compute(null, stored));
    }
}
