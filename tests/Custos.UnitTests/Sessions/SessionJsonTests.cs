using System.Text.Json.Nodes;
using Custos.Sessions;

namespace Custos.UnitTests.Sessions;

public sealed class SessionJsonTests
{
    private static readonly DateTime Now = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    private static Session NewSession(string identityState = "active")
    {
        var identity = new Custos.Identity.Identity
        {
            Id = Guid.NewGuid(),
            SchemaId = "default",
            State = identityState,
            Traits = new JsonObject { ["email"] = "a@example.com" },
            MetadataAdmin = new JsonObject { ["secret"] = "x" },
        };
        var session = new Session
        {
            Id = Guid.NewGuid(),
            IdentityId = identity.Id,
            Identity = identity,
            Active = true,
            AuthenticatedAt = Now.AddMinutes(-5),
            IssuedAt = Now.AddMinutes(-5),
            ExpiresAt = Now.AddHours(1),
            Devices = [new SessionDevice(Guid.NewGuid(), "203.0.113.1", "curl/8", "")],
        };
        session.AddAuthenticationMethod(new AuthenticationMethod("password", "aal1", Now.AddMinutes(-5)));
        return session;
    }

    [Fact]
    public void Write_UsesKratosFieldOrder()
    {
        var json = SessionJson.Write(NewSession(), Now, "http://localhost:4433/", admin: false);

        Assert.Equal(["id", "active", "expires_at", "authenticated_at", "authenticator_assurance_level", "authentication_methods", "issued_at", "identity", "devices"],
            json.Select(p => p.Key).ToArray());
        Assert.Equal("aal1", json["authenticator_assurance_level"]!.GetValue<string>());
        Assert.Equal("password", json["authentication_methods"]![0]!["method"]!.GetValue<string>());
        Assert.Equal("2026-03-01T11:55:00Z", json["authenticated_at"]!.GetValue<string>());
    }

    [Fact]
    public void Write_Public_HidesAdminMetadata_AdminShowsIt()
    {
        var session = NewSession();

        var publicJson = SessionJson.Write(session, Now, "http://localhost:4433/", admin: false);
        var adminJson = SessionJson.Write(session, Now, "http://localhost:4433/", admin: true);

        Assert.False(publicJson["identity"]!.AsObject().ContainsKey("metadata_admin"));
        Assert.Equal("x", adminJson["identity"]!["metadata_admin"]!["secret"]!.GetValue<string>());
        Assert.False(adminJson["identity"]!.AsObject().ContainsKey("credentials"));
    }

    [Theory]
    [InlineData(0, true, "active", true)]
    [InlineData(2, true, "active", false)]
    [InlineData(0, false, "active", false)]
    [InlineData(0, true, "inactive", false)]
    public void Active_IsComputedAtWriteTime(int hoursLater, bool stored, string identityState, bool expected)
    {
        var session = NewSession(identityState);
        session.Active = stored;

        var json = SessionJson.Write(session, Now.AddHours(hoursLater), "http://localhost:4433/", admin: false);

        Assert.Equal(expected, json["active"]!.GetValue<bool>());
    }

    [Fact]
    public void NotExpanded_WritesNulls_AndEmptyMethodsAreNull()
    {
        var session = NewSession();
        session.AuthenticationMethods.Clear();

        var json = SessionJson.Write(session, Now, "http://localhost:4433/", admin: true, expandIdentity: false, expandDevices: false);

        Assert.True(json.ContainsKey("identity"));
        Assert.Null(json["identity"]);
        Assert.Null(json["devices"]);
        Assert.Null(json["authentication_methods"]);
    }
}
