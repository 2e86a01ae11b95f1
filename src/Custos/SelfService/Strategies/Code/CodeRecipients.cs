using Custos.Identity;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Strategies.Code;

/// <summary>
/// Who a login code goes to: the identity and the addresses to send to, or the message to show instead
/// (<see cref="Error"/>, on the node named <see cref="ErrorNode"/> or on the form when that is null).
/// </summary>
internal sealed record CodeRecipients(Identity.Identity? Identity, IReadOnlyList<CodeAddress> Addresses, UiText? Error = null, string? ErrorNode = null)
{
    public bool Found => Identity is not null && Error is null;

    public static CodeRecipients Failed(UiText error, string? node = null) => new(null, [], error, node);
}
