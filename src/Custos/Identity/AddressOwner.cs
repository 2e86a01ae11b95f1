namespace Custos.Identity;

/// <summary>An address found by value, with the identity it belongs to.</summary>
internal sealed record AddressOwner<T>(Guid IdentityId, T Address);
