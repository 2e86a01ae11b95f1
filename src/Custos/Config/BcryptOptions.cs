using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>hashers.bcrypt</c>.</summary>
internal sealed class BcryptOptions
{
    /// <summary>The lowest cost Kratos accepts outside dev mode; smaller configured costs are raised to it.</summary>
    public const int MinimumProductionCost = 12;

    /// <summary><c>hashers.bcrypt.cost</c>: 4..31. Default 12; values below 12 are raised to 12 outside dev mode.</summary>
    [ConfigurationKeyName("cost")]
    [Range(4, 31)]
    public int Cost { get; set; } = 12;
}
