using System.Runtime.Serialization;

namespace Custos.Config;

/// <summary>Values of <c>log.format</c>.</summary>
internal enum LogFormat
{
    /// <summary><c>text</c>.</summary>
    [EnumMember(Value = "text")]
    Text,

    /// <summary><c>json</c>.</summary>
    [EnumMember(Value = "json")]
    Json,
}
