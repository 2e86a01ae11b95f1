namespace Custos.SelfService.Strategies.Code;

/// <summary>
/// A stored one-time code or link token. Only the HMAC of the secret is stored; <see cref="SecretType"/> tells
/// self-service secrets (<see cref="SelfService"/>) from admin-issued ones (<see cref="Admin"/>), as Kratos's code type does.
/// </summary>
internal sealed record OneTimeSecret
{
    public const int Admin = 1;
    public const int SelfService = 2;

    public required Guid Id { get; init; }
    public required OneTimeSecretKind Kind { get; init; }

    /// <summary>The identity the secret belongs to; <see cref="Guid.Empty"/> for registration codes (no identity exists yet).</summary>
    public required Guid IdentityId { get; init; }

    /// <summary>The verifiable or recovery address the secret was sent to; null for admin recovery secrets and for login and registration codes.</summary>
    public Guid? AddressId { get; init; }

    /// <summary>The address a login or registration code was sent to (normalised e-mail or E.164 phone); null for the other kinds.</summary>
    public string? Address { get; init; }

    /// <summary>The channel of <see cref="Address"/>: <c>email</c> or <c>sms</c>.</summary>
    public string? AddressType { get; init; }

    public required Guid FlowId { get; init; }
    public required string SecretHmac { get; init; }
    public int SecretType { get; init; } = SelfService;
    public DateTime? UsedAt { get; init; }
    public required DateTime ExpiresAt { get; init; }
    public required DateTime IssuedAt { get; init; }
}
