namespace Custos.SelfService.Strategies.Password.Policy;

/// <summary>How long one range request may take, connection included.</summary>
internal sealed record HaveIBeenPwnedBudget(TimeSpan Timeout)
{
    /// <summary>Kratos's one-second budget: a slow range API must not stall registrations.</summary>
    public static readonly HaveIBeenPwnedBudget Default = new(TimeSpan.FromSeconds(1));
}
