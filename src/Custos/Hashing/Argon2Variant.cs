namespace Custos.Hashing;

/// <summary>The argon2 variants Kratos reads; the values are libargon2's <c>argon2_type</c>.</summary>
internal enum Argon2Variant
{
    Argon2i = 1,
    Argon2id = 2,
}
