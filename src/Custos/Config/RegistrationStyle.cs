using System.Runtime.Serialization;

namespace Custos.Config;

/// <summary>Values of <c>selfservice.flows.registration.style</c>.</summary>
internal enum RegistrationStyle
{
    /// <summary><c>profile_first</c>.</summary>
    [EnumMember(Value = "profile_first")]
    ProfileFirst,

    /// <summary><c>unified</c>.</summary>
    [EnumMember(Value = "unified")]
    Unified,
}
