namespace Custos.Identity;

/// <summary>A unique identifier, address or external id of the identity already belongs to another identity.</summary>
internal sealed class IdentityConflictException(Exception inner)
    : Exception("This identity conflicts with another identity that already exists.", inner);
