using System.Text.Json.Nodes;
using Custos.Hosting;
using Custos.Identity;
using Custos.SelfService.Flows;
using Custos.SelfService.Strategies.Code;
using CustosIdentity = Custos.Identity.Identity;

namespace Custos.UnitTests.SelfService.Strategies.Code;

/// <summary>Which addresses a code goes to, how the code credential reads, and what a failed check shows.</summary>
public sealed class CodeAddressSelectionTests
{
    private static readonly CodeAddress Phone = new(CodeAddress.Sms, "+4917612345678");
    private static readonly CodeAddress Jane = new(CodeAddress.Email, "jane@example.com");

    private static CustosIdentity Person(JsonObject? codeConfig = null, int version = 1, params string[] identifiers)
    {
        var identity = new CustosIdentity
        {
            Id = Guid.NewGuid(),
            SchemaId = "default",
            Traits = new JsonObject { ["email"] = "Jane@Example.com", ["phone"] = "+49 176 12345678", ["name"] = new JsonObject { ["first"] = "Jane" } },
            VerifiableAddresses = [new VerifiableAddress { Value = "jane@example.com", Via = "email" }],
        };
        if (codeConfig is not null)
        {
            identity.Credentials[CredentialTypes.Code] = new Credentials { Type = CredentialTypes.Code, Config = codeConfig, Version = version, Identifiers = [.. identifiers] };
        }

        return identity;
    }

    private static JsonObject V1(params CodeAddress[] addresses) => new()
    {
        ["addresses"] = new JsonArray(addresses.Select(a => (JsonNode?)new JsonObject { ["channel"] = a.Channel, ["address"] = a.Address }).ToArray()),
    };

    [Fact]
    public void ACodeForATypedIdentifier_GoesToThatAddressOnly_ElseToAll()
    {
        Assert.Equal([Jane], CodeAddressSelection.Targets([Phone, Jane], " Jane@Example.COM "));
        Assert.Equal([Phone], CodeAddressSelection.Targets([Phone, Jane], "+49 176 12345678"));
        Assert.Equal([Phone, Jane], CodeAddressSelection.Targets([Phone, Jane], "someone-else"));
    }

    [Fact]
    public void SecondFactorCandidates_AreTheCredentialsAddresses_OrWithTheFallbackTheVerifiableAddresses()
    {
        Assert.Equal([Phone, Jane], CodeAddressSelection.Candidates(Person(V1(Phone, Jane)), fallbackEnabled: false));
        Assert.Empty(CodeAddressSelection.Candidates(Person(V1()), fallbackEnabled: false));
        Assert.Equal([Jane], CodeAddressSelection.Candidates(Person(V1()), fallbackEnabled: true));
        Assert.Equal([Jane], CodeAddressSelection.Candidates(Person(), fallbackEnabled: true));
    }

    [Fact]
    public void Via_PicksTheAddressStoredInThatTrait_AndRefusesOthersWith400()
    {
        var person = Person(V1(Phone, Jane));

        Assert.Equal([Jane], CodeAddressSelection.ForSecondFactor(person, "email", fallbackEnabled: false));
        Assert.Equal([Phone], CodeAddressSelection.ForSecondFactor(person, "phone", fallbackEnabled: false));
        var missing = Assert.Throws<CustosException>(() => CodeAddressSelection.ForSecondFactor(person, "nickname", fallbackEnabled: false));
        var notAnAddress = Assert.Throws<CustosException>(() => CodeAddressSelection.ForSecondFactor(person, "name.first", fallbackEnabled: false));

        Assert.Equal(400, missing.Code);
        Assert.Equal("No value found for trait nickname in the current identity.", missing.Reason);
        Assert.Equal(400, notAnAddress.Code);
    }

    [Fact]
    public void Buttons_FollowKratossOrder_WhichOnlyMovesAnAddressBeforeOneGreaterInAddressAndChannel()
    {
        var b = new CodeAddress(CodeAddress.Sms, "b@example.com");
        var a = new CodeAddress(CodeAddress.Email, "a@example.com");
        var c = new CodeAddress(CodeAddress.Email, "c@example.com");

        Assert.Equal([a, b], CodeAddressSelection.ForSecondFactor(Person(V1(b, a)), null, fallbackEnabled: false));
        Assert.Equal([c, a], CodeAddressSelection.ForSecondFactor(Person(V1(c, a)), null, fallbackEnabled: false));
    }

    [Fact]
    public void ALegacyCredential_ReadsAsOneAddressPerIdentifier_OnItsAddressType()
    {
        var sms = Person(new JsonObject { ["address_type"] = "SMS ", ["used_at"] = null }, version: 0, "+4917612345678");
        var untyped = Person(new JsonObject { ["address_type"] = "" }, version: 0, "jane@example.com", "");

        Assert.Equal([Phone], CodeCredentialConfig.Addresses(sms.Credentials[CredentialTypes.Code]));
        Assert.Equal([Jane], CodeCredentialConfig.Addresses(untyped.Credentials[CredentialTypes.Code]));
        Assert.Equal(1, CodeCredentialConfig.CountMultiFactor(sms.Credentials[CredentialTypes.Code], mfaEnabled: true));
        Assert.Equal(0, CodeCredentialConfig.CountMultiFactor(untyped.Credentials[CredentialTypes.Code], mfaEnabled: true));
    }

    [Fact]
    public void MultiFactorCount_IsTheNumberOfAddresses_OnlyWithMfaEnabled()
    {
        var credential = Person(V1(Phone, Jane)).Credentials[CredentialTypes.Code];

        Assert.Equal(2, CodeCredentialConfig.CountMultiFactor(credential, mfaEnabled: true));
        Assert.Equal(0, CodeCredentialConfig.CountMultiFactor(credential, mfaEnabled: false));
        Assert.Equal(1, CodeCredentialConfig.CountFirstFactor(passwordlessEnabled: true));
        Assert.Equal(0, CodeCredentialConfig.CountFirstFactor(passwordlessEnabled: false));
    }

    [Theory]
    [InlineData("MissingCode", "Login", 4000002L, "Property code is missing.")]
    [InlineData("WrongCode", "Login", 4010008L, "The login code is invalid or has already been used. Please try again.")]
    [InlineData("Expired", "Login", 4010008L, "The login code is invalid or has already been used. Please try again.")]
    [InlineData("WrongCode", "Registration", 4040003L, "The registration code is invalid or has already been used. Please try again.")]
    [InlineData("AlreadyUsed", "Registration", 4000001L, "The code was already used. Please request another code.")]
    [InlineData("TooManyAttempts", "Login", 4000001L, "The request was submitted too often. Please request another code.")]
    public void AFailedCheck_ShowsKratossMessage(string status, string flow, long id, string text)
    {
        var kind = Enum.Parse<FlowKind>(flow);

        var message = new CodeVerification(Enum.Parse<CodeVerificationStatus>(status)).Message(kind)!;

        Assert.Equal((id, text), (message.Id, message.Text));
        Assert.Null(new CodeVerification(CodeVerificationStatus.Ok).Message(kind));
    }

    [Theory]
    [InlineData("sent_email", null, "sent_email")]
    [InlineData("sent_email", "Code", "choose_method")]
    [InlineData("", null, "choose_method")]
    [InlineData("choose_method", "", "choose_method")]
    public void AResend_GoesBackToChoosingTheMethod(string state, string? resend, string expected) =>
        Assert.Equal(expected, CodeFlowStates.Effective(state, resend));
}
