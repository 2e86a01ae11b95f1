namespace Custos.Sessions.Assurance;

/// <summary>How many usable first factors and second factors a credential gives an identity.</summary>
internal readonly record struct FactorCount(int FirstFactor, int MultiFactor)
{
    public static FactorCount None => default;

    public static FactorCount First(int count) => new(count, 0);

    public static FactorCount Multi(int count) => new(0, count);

    public static FactorCount operator +(FactorCount a, FactorCount b) => new(a.FirstFactor + b.FirstFactor, a.MultiFactor + b.MultiFactor);
}
