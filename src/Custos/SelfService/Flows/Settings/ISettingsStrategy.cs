using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Strategies;

namespace Custos.SelfService.Flows.Settings;

/// <summary>
/// A settings method (<c>profile</c>, <c>password</c>, later <c>totp</c>, <c>lookup_secret</c>, ...): its group of nodes
/// on every rendering of the form, and its submission. Registered with
/// <see cref="StrategyServiceCollectionExtensions.AddStrategy{T}"/>; a new method only adds a class.
/// </summary>
internal interface ISettingsStrategy : IAuthStrategy
{
    /// <summary>
    /// Adds the strategy's nodes for <paramref name="identity"/> (the form was emptied but for <c>csrf_token</c>, and
    /// the strategies before it in <see cref="IAuthStrategy.Order"/> have added theirs). Runs on creation, after a
    /// success and when a submission is shown again; the flow is stored afterwards.
    /// </summary>
    Task PopulateAsync(SettingsFlow flow, Identity.Identity identity, CancellationToken ct);

    /// <summary>
    /// Handles a submission, or declines it (<see cref="StrategyOutcome{T}.NotResponsible"/>) when the body is not for
    /// this strategy (strategies contract §0.1). A strategy that rejects the submission first calls
    /// <see cref="SettingsContext.RenderAsync"/> and then adds its messages; a change that needs a recent sign-in is
    /// answered with <see cref="SettingsContext.RefreshRequired"/>. On success the flow stores
    /// <see cref="SettingsSucceeded.Identity"/> and runs the hooks of this method.
    /// </summary>
    Task<StrategyOutcome<SettingsSucceeded>> SubmitAsync(FlowSubmission<SettingsFlow> submission, SettingsContext context, CancellationToken ct);
}
