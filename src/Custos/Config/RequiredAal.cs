using System.Runtime.Serialization;

namespace Custos.Config;

/// <summary>Values of <c>session.whoami.required_aal</c> and <c>selfservice.flows.settings.required_aal</c>.</summary>
internal enum RequiredAal
{
    /// <summary><c>aal1</c>.</summary>
    [EnumMember(Value = "aal1")]
    Aal1,

    /// <summary><c>highest_available</c>.</summary>
    [EnumMember(Value = "highest_available")]
    HighestAvailable,
}
