using System.Runtime.Serialization;

namespace Custos.Config;

/// <summary>Values of <c>selfservice.flows.recovery.use</c> and <c>selfservice.flows.verification.use</c>.</summary>
internal enum AddressFlowStrategy
{
    /// <summary><c>code</c>.</summary>
    [EnumMember(Value = "code")]
    Code,

    /// <summary><c>link</c>.</summary>
    [EnumMember(Value = "link")]
    Link,
}
