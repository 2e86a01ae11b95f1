using Custos.SelfService.Flows.Submit;

namespace Custos.SelfService.Strategies;

/// <summary>
/// What a strategy made of a submission. Kratos's sentinel errors become cases: the body was not for this strategy
/// (the next one is tried), the method succeeded, the user made a mistake (messages are on the flow), or the strategy
/// answered itself (a "code sent" step, a redirect to a provider).
/// </summary>
internal abstract record StrategyOutcome<T>
{
    private StrategyOutcome()
    {
    }

    /// <summary>The body is not for this strategy.</summary>
    public static readonly StrategyOutcome<T> NotResponsible = new Declined();

    /// <summary>The user's mistake, shown on the flow (400 JSON, or back to the UI).</summary>
    public static readonly StrategyOutcome<T> Invalid = new Rejected();

    public static StrategyOutcome<T> Success(T value) => new Succeeded(value);

    public static StrategyOutcome<T> Respond(FlowOutcome outcome) => new Responded(outcome);

    public sealed record Declined : StrategyOutcome<T>;

    public sealed record Rejected : StrategyOutcome<T>;

    public sealed record Succeeded(T Value) : StrategyOutcome<T>;

    public sealed record Responded(FlowOutcome Outcome) : StrategyOutcome<T>;
}
