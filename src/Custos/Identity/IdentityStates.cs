namespace Custos.Identity;

/// <summary>The two identity states Kratos knows.</summary>
internal static class IdentityStates
{
    public const string Active = "active";
    public const string Inactive = "inactive";

    public static bool IsValid(string? state) => state is Active or Inactive;
}
