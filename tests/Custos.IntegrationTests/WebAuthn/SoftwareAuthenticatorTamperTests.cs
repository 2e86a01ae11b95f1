using System.Text;
using Fido2NetLib;
using Fido2NetLib.Exceptions;
using Fido2NetLib.Objects;

namespace Custos.IntegrationTests.WebAuthn;

/// <summary>Each tamper knob makes Fido2 4.3.3 refuse the ceremony, for the reason the knob is meant to cause.</summary>
public sealed class SoftwareAuthenticatorTamperTests
{
    private const string WrongOrigin = "https://evil.test";

    private readonly Fido2Verifier _rp = new();

    public static TheoryData<int> Algorithms => [CoseAlgorithms.Es256, CoseAlgorithms.Rs256, CoseAlgorithms.EdDsa];

    [Fact]
    public async Task Registration_WrongOrigin_IsRefused()
    {
        using var authenticator = new SoftwareAuthenticator();
        var options = _rp.RegistrationOptions();

        await AssertRefused(Fido2ErrorCode.InvalidAuthenticatorResponseOrigin,
            () => _rp.RegisterAsync(options, authenticator.Create(options.ToJson(), WrongOrigin)));
    }

    [Fact]
    public async Task Registration_WrongRpIdHash_IsRefused()
    {
        using var authenticator = new SoftwareAuthenticator();
        var options = _rp.RegistrationOptions();
        var tamper = new SoftwareTamper { RpId = "evil.test" };

        await AssertRefused(Fido2ErrorCode.InvalidRpidHash,
            () => _rp.RegisterAsync(options, authenticator.Create(options.ToJson(), Fido2Verifier.Origin, tamper)));
    }

    [Fact]
    public async Task Registration_ReplayedChallenge_IsRefused()
    {
        using var authenticator = new SoftwareAuthenticator();
        var first = _rp.RegistrationOptions();
        await _rp.RegisterAsync(first, authenticator.Create(first.ToJson(), Fido2Verifier.Origin));
        var second = _rp.RegistrationOptions();
        var tamper = new SoftwareTamper { Challenge = authenticator.LastChallenge };

        await AssertRefused(Fido2ErrorCode.InvalidAuthenticatorResponseChallenge,
            () => _rp.RegisterAsync(second, authenticator.Create(second.ToJson(), Fido2Verifier.Origin, tamper)));
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public async Task Registration_PackedSelfAttestationWithFlippedSignature_IsRefused(int algorithm)
    {
        using var authenticator = new SoftwareAuthenticator { Algorithms = [algorithm], Attestation = SoftwareAttestation.PackedSelf };
        var options = _rp.RegistrationOptions(AttestationConveyancePreference.Direct);
        var tamper = new SoftwareTamper { FlipSignatureByte = true };

        await AssertRefused(Fido2ErrorCode.InvalidAttestation,
            () => _rp.RegisterAsync(options, authenticator.Create(options.ToJson(), Fido2Verifier.Origin, tamper)));
    }

    [Fact]
    public async Task Registration_UserVerificationMissingWhenRequired_IsRefused()
    {
        using var authenticator = new SoftwareAuthenticator { UserVerified = false };
        var options = _rp.RegistrationOptions(userVerification: UserVerificationRequirement.Required);

        await AssertRefused(Fido2ErrorCode.UserVerificationRequirementNotMet,
            () => _rp.RegisterAsync(options, authenticator.Create(options.ToJson(), Fido2Verifier.Origin)));
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public async Task Login_FlippedSignature_IsRefused(int algorithm)
    {
        var (authenticator, registered) = await Registered(algorithm);
        using var _ = authenticator;
        var tamper = new SoftwareTamper { FlipSignatureByte = true };

        await AssertLoginRefused(Fido2ErrorCode.InvalidSignature, authenticator, registered, Fido2Verifier.Origin, tamper);
    }

    [Fact]
    public async Task Login_WrongOrigin_IsRefused()
    {
        var (authenticator, registered) = await Registered(CoseAlgorithms.Es256);
        using var _ = authenticator;

        await AssertLoginRefused(Fido2ErrorCode.InvalidAuthenticatorResponseOrigin, authenticator, registered, WrongOrigin, null);
    }

    [Fact]
    public async Task Login_WrongRpIdHash_IsRefused()
    {
        var (authenticator, registered) = await Registered(CoseAlgorithms.Es256);
        using var _ = authenticator;
        var tamper = new SoftwareTamper { RpId = "evil.test" };

        await AssertLoginRefused(Fido2ErrorCode.InvalidRpidHash, authenticator, registered, Fido2Verifier.Origin, tamper);
    }

    [Fact]
    public async Task Login_ReplayedChallenge_IsRefused()
    {
        var (authenticator, registered) = await Registered(CoseAlgorithms.Es256);
        using var _ = authenticator;
        var first = _rp.AssertionOptions([registered.Id]);
        var accepted = await _rp.AssertAsync(first, authenticator.Get(first.ToJson(), Fido2Verifier.Origin), registered, 0);
        var tamper = new SoftwareTamper { Challenge = authenticator.LastChallenge };

        await AssertLoginRefused(
            Fido2ErrorCode.InvalidAuthenticatorResponseChallenge, authenticator, registered, Fido2Verifier.Origin, tamper, accepted.SignCount);
    }

    [Theory]
    [InlineData(5u, 4u)] // reports 5 again
    [InlineData(5u, 1u)] // goes backwards
    public async Task Login_NonIncreasingCounter_IsRefused(uint stored, uint authenticatorCounter)
    {
        var (authenticator, registered) = await Registered(CoseAlgorithms.Es256);
        using var _ = authenticator;
        authenticator.Credentials[0].SignCount = authenticatorCounter;

        await AssertLoginRefused(Fido2ErrorCode.InvalidSignCount, authenticator, registered, Fido2Verifier.Origin, null, stored);
    }

    [Fact]
    public async Task Login_UserNotPresent_IsRefused()
    {
        var (authenticator, registered) = await Registered(CoseAlgorithms.Es256);
        using var _ = authenticator;
        authenticator.UserPresent = false;

        await AssertLoginRefused(Fido2ErrorCode.UserPresentFlagNotSet, authenticator, registered, Fido2Verifier.Origin, null);
    }

    [Fact]
    public async Task Login_UserVerificationMissingWhenRequired_IsRefused()
    {
        var (authenticator, registered) = await Registered(CoseAlgorithms.Es256);
        using var _ = authenticator;
        authenticator.UserVerified = false;
        var options = _rp.AssertionOptions([registered.Id], UserVerificationRequirement.Required);

        await AssertRefused(Fido2ErrorCode.UserVerificationRequirementNotMet,
            () => _rp.AssertAsync(options, authenticator.Get(options.ToJson(), Fido2Verifier.Origin), registered, 0));
    }

    [Fact]
    public async Task Login_ForeignUserHandle_IsRefused()
    {
        var (authenticator, registered) = await Registered(CoseAlgorithms.Es256);
        using var _ = authenticator;
        var tamper = new SoftwareTamper { UserHandle = Encoding.UTF8.GetBytes("someone-else") };

        await AssertLoginRefused(Fido2ErrorCode.InvalidAssertionResponse, authenticator, registered, Fido2Verifier.Origin, tamper);
    }

    [Fact]
    public async Task Login_ClientDataTypeOfRegistration_IsRefused()
    {
        var (authenticator, registered) = await Registered(CoseAlgorithms.Es256);
        using var _ = authenticator;
        var tamper = new SoftwareTamper { ClientDataType = "webauthn.create" };

        await AssertLoginRefused(Fido2ErrorCode.InvalidAssertionResponse, authenticator, registered, Fido2Verifier.Origin, tamper);
    }

    private static async Task AssertRefused(Fido2ErrorCode expected, Func<Task> ceremony)
    {
        var error = await Assert.ThrowsAsync<Fido2VerificationException>(ceremony);
        Assert.Equal(expected, error.Code);
    }

    private async Task<(SoftwareAuthenticator Authenticator, RegisteredPublicKeyCredential Registered)> Registered(int algorithm)
    {
        var authenticator = new SoftwareAuthenticator { Algorithms = [algorithm] };
        var options = _rp.RegistrationOptions();
        return (authenticator, await _rp.RegisterAsync(options, authenticator.Create(options.ToJson(), Fido2Verifier.Origin)));
    }

    private Task AssertLoginRefused(
        Fido2ErrorCode expected,
        SoftwareAuthenticator authenticator,
        RegisteredPublicKeyCredential registered,
        string origin,
        SoftwareTamper? tamper,
        uint storedSignCount = 0)
    {
        var options = _rp.AssertionOptions([registered.Id]);
        return AssertRefused(expected,
            () => _rp.AssertAsync(options, authenticator.Get(options.ToJson(), origin, tamper), registered, storedSignCount));
    }
}
