using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary>
/// One rule under <c>security.throttling</c> (<c>login_identifier</c>, <c>courier_address</c>, …). Both keys are
/// optional: an unset one keeps the rule's default (see <see cref="ThrottlingOptions"/>).
/// </summary>
internal sealed class ThrottleRuleOptions : IValidatableObject
{
    /// <summary><c>security.throttling.&lt;rule&gt;.limit</c>: how many counted events a key may have in one window (≥ 1).</summary>
    [ConfigurationKeyName("limit")]
    [Range(1, int.MaxValue)]
    public int? Limit { get; set; }

    /// <summary><c>security.throttling.&lt;rule&gt;.window</c>: the length of the fixed window, a Go duration (<c>15m</c>, <c>1h</c>).</summary>
    [ConfigurationKeyName("window")]
    public TimeSpan? Window { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Window is { } window && window < TimeSpan.FromSeconds(1))
        {
            yield return new ValidationResult($"must be at least 1s, got {GoDuration.Format(window)}", ["window"]);
        }
    }
}
