using Custos.Config;

namespace Custos.SelfService.Strategies;

/// <summary>
/// A self-service method (<c>password</c>, <c>code</c>, <c>totp</c>, ...). One class per method implements the flow
/// contracts it supports (<c>ILoginStrategy</c>, <c>IRegistrationStrategy</c>, ...) and is registered once with
/// <see cref="StrategyServiceCollectionExtensions.AddStrategy{T}"/>; enabling the method in config is the only switch.
/// </summary>
internal interface IAuthStrategy
{
    /// <summary>The <c>method</c> value (and credential type) this strategy answers.</summary>
    string Method { get; }

    /// <summary>Its place in form hydration and submit order (<see cref="StrategyOrder"/>).</summary>
    int Order { get; }

    /// <summary>Whether <c>selfservice.methods.&lt;method&gt;.enabled</c>.</summary>
    bool IsEnabled(CustosOptions options);
}
