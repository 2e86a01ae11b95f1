using System.Runtime.Serialization;

namespace Custos.Config;

/// <summary>Values of <c>selfservice.flows.login.style</c>.</summary>
internal enum LoginStyle
{
    /// <summary><c>unified</c>.</summary>
    [EnumMember(Value = "unified")]
    Unified,

    /// <summary><c>identifier_first</c>.</summary>
    [EnumMember(Value = "identifier_first")]
    IdentifierFirst,
}
