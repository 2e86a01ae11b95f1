using System.Text.Json.Nodes;
using Custos.Identity;

namespace Custos.UnitTests.Identity;

/// <summary>What the audit log counts as a credential added or removed by a settings change.</summary>
public sealed class CredentialSnapshotTests
{
    [Fact]
    public void AChangedPassword_IsAdded_ButARenamedIdentifierIsNothing()
    {
        var identity = With(("password", """{"hashed_password":"$argon2id$old"}""", ["a@example.com"]));
        var before = CredentialSnapshot.Of(identity);
        identity.Credentials["password"].Identifiers = ["b@example.com"];
        var renamed = CredentialSnapshot.Of(identity);
        identity.Credentials["password"].Config = JsonNode.Parse("""{"hashed_password":"$argon2id$new"}""")!.AsObject();

        var (renamedAdded, renamedRemoved) = Lists(before.ChangesTo(renamed));
        var (changedAdded, changedRemoved) = Lists(before.ChangesTo(CredentialSnapshot.Of(identity)));

        Assert.Empty(renamedAdded);
        Assert.Empty(renamedRemoved);
        Assert.Equal(["password"], changedAdded);
        Assert.Empty(changedRemoved);
    }

    [Fact]
    public void KeysAndProviders_AreCounted()
    {
        var identity = With(
            ("webauthn", """{"credentials":[{"id":"a"},{"id":"b"}]}""", []),
            ("oidc", """{"providers":[{"provider":"google","subject":"1"}]}""", []),
            ("totp", """{"totp_url":"sealed"}""", []));
        var before = CredentialSnapshot.Of(identity);
        identity.Credentials["webauthn"].Config = JsonNode.Parse("""{"credentials":[{"id":"a"},{"id":"b"},{"id":"c"}]}""")!.AsObject();
        identity.Credentials["oidc"].Config = JsonNode.Parse("""{"providers":[]}""")!.AsObject();
        identity.Credentials.Remove("totp");

        var (added, removed) = Lists(before.ChangesTo(CredentialSnapshot.Of(identity)));

        Assert.Equal(["webauthn"], added);
        Assert.Equal(["totp", "oidc"], removed);
    }

    [Fact]
    public void CodeAddresses_FollowTheTraits_AndAreNotACredentialChange()
    {
        var identity = With(("code", """{"addresses":[{"channel":"email","address":"a@example.com"}]}""", []));
        var before = CredentialSnapshot.Of(identity);
        identity.Credentials["code"].Config = JsonNode.Parse("""{"addresses":[{"channel":"email","address":"b@example.com"}]}""")!.AsObject();

        var (added, removed) = Lists(before.ChangesTo(CredentialSnapshot.Of(identity)));

        Assert.Empty(added);
        Assert.Empty(removed);
    }

    private static (string[], string[]) Lists((IReadOnlyList<string> Added, IReadOnlyList<string> Removed) changes) =>
        ([.. changes.Added], [.. changes.Removed]);

    private static Custos.Identity.Identity With(params (string Type, string Config, string[] Identifiers)[] credentials)
    {
        var identity = new Custos.Identity.Identity { Id = Guid.NewGuid(), SchemaId = "default", Traits = new JsonObject() };
        foreach (var (type, config, identifiers) in credentials)
        {
            identity.Credentials[type] = new Credentials { Type = type, Config = JsonNode.Parse(config)!.AsObject(), Identifiers = [.. identifiers] };
        }

        return identity;
    }
}
