using System.Text.Json.Nodes;
using Custos.Audit;

namespace Custos.UnitTests.Audit;

/// <summary>Defence in depth: audit details never keep a password, code, token, secret or hash, whatever the caller passed.</summary>
public sealed class AuditDetailsScrubberTests
{
    [Theory]
    [InlineData("password")]
    [InlineData("new_password")]
    [InlineData("Password")]
    [InlineData("code")]
    [InlineData("recovery_code")]
    [InlineData("backupCodes")]
    [InlineData("token")]
    [InlineData("session_token")]
    [InlineData("sessionToken")]
    [InlineData("secret")]
    [InlineData("totp_secret")]
    [InlineData("hash")]
    [InlineData("password_hash")]
    [InlineData("hashed_password")]
    [InlineData("api_key")]
    [InlineData("private-key")]
    public void SecretKeys_AreDropped(string key)
    {
        var details = new JsonObject { [key] = "value", ["method"] = "password" };

        var scrubbed = AuditDetailsScrubber.Scrub(details, out var removed);

        Assert.Equal("""{"method":"password"}""", scrubbed.ToJsonString());
        Assert.Equal([key], removed);
    }

    [Theory]
    [InlineData("method")]
    [InlineData("reason_code")]
    [InlineData("credential_type")]
    [InlineData("password_changed")]
    [InlineData("hash_algorithm")]
    [InlineData("provider")]
    public void FactKeys_AreKept(string key)
    {
        var details = new JsonObject { [key] = "x" };

        var scrubbed = AuditDetailsScrubber.Scrub(details, out var removed);

        Assert.Equal(details.ToJsonString(), scrubbed.ToJsonString());
        Assert.Empty(removed);
    }

    [Theory]
    [InlineData("ory_st_1234567890abcdef")]
    [InlineData("custos_ak_abcdef")]
    [InlineData("whsec_abcdef")]
    [InlineData("$argon2id$v=19$m=65536,t=1,p=1$c2FsdA$aGFzaA")]
    [InlineData("$2b$12$abcdefghijklmnopqrstuv")]
    public void SecretValues_AreDropped_UnderAnyKey_AndInLists(string value)
    {
        var details = new JsonObject { ["note"] = value, ["list"] = new JsonArray("kept", value) };

        var scrubbed = AuditDetailsScrubber.Scrub(details, out var removed);

        Assert.Equal("""{"list":["kept"]}""", scrubbed.ToJsonString());
        Assert.Equal(["note", "list[1]"], removed);
    }

    [Fact]
    public void NestedSecrets_AreDropped_AndTheInputIsNotChanged()
    {
        var details = new JsonObject { ["changes"] = new JsonArray(new JsonObject { ["field"] = "password", ["code"] = "123456" }) };

        var scrubbed = AuditDetailsScrubber.Scrub(details, out var removed);

        Assert.Equal("""{"changes":[{"field":"password"}]}""", scrubbed.ToJsonString());
        Assert.Equal(["changes[0].code"], removed);
        Assert.Equal("123456", details["changes"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public void NullDetails_BecomeAnEmptyObject()
    {
        Assert.Equal("{}", AuditDetailsScrubber.Scrub(null, out _).ToJsonString());
    }
}
