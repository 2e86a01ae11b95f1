using Custos.Admin.Webhooks;

namespace Custos.UnitTests.Admin.Webhooks;

public sealed class EventPatternsTests
{
    [Theory]
    [InlineData("identity.created", "identity.created", true)]
    [InlineData("identity.created", "identity.updated", false)]
    [InlineData("identity.*", "identity.created", true)]
    [InlineData("identity.*", "identity.deleted", true)]
    [InlineData("identity.*", "login.succeeded", false)]
    [InlineData("identity.*", "identityx.created", false)]
    [InlineData("*", "login.failed", true)]
    [InlineData("login.succeeded", "login.succeeded.extra", false)]
    [InlineData("*", "webhook.created", false)]
    [InlineData("*", "admin_key.created", false)]
    [InlineData("*", "identity_schema.updated", false)]
    [InlineData("*", "recovery.code_created", true)]
    public void IsMatch(string pattern, string type, bool expected) => Assert.Equal(expected, EventPatterns.IsMatch(pattern, type));

    [Theory]
    [InlineData("*")]
    [InlineData("identity.created")]
    [InlineData("identity.*")]
    [InlineData("login.*")]
    [InlineData("throttling.blocked")]
    public void KnownTypesAndMatchingGlobs_AreAccepted(string pattern) => Assert.Null(EventPatterns.Problem(pattern));

    [Theory]
    [InlineData("")]
    [InlineData("identity.creatd")]
    [InlineData("identiy.*")]
    [InlineData("identity*")]
    [InlineData("*.created")]
    [InlineData("identity.**")]
    [InlineData(".*")]
    [InlineData("**")]
    [InlineData("Identity.Created")]
    public void UnknownTypesAndOtherGlobs_AreRefused(string pattern) => Assert.NotNull(EventPatterns.Problem(pattern));

    [Fact]
    public void KnownTypes_AreReadFromTheAuditContract() =>
        Assert.Contains("impersonation.started", EventPatterns.KnownTypes);

    [Theory]
    [InlineData("webhook.*")]
    [InlineData("admin_key.created")]
    [InlineData("identity_schema.*")]
    public void TheAdminPlanesOwnEvents_AreAuditOnly(string pattern) => Assert.NotNull(EventPatterns.Problem(pattern));
}
