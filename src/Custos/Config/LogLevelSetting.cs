using System.Runtime.Serialization;

namespace Custos.Config;

/// <summary>Values of <c>log.level</c>.</summary>
internal enum LogLevelSetting
{
    /// <summary><c>trace</c>.</summary>
    [EnumMember(Value = "trace")]
    Trace,

    /// <summary><c>debug</c>.</summary>
    [EnumMember(Value = "debug")]
    Debug,

    /// <summary><c>info</c>.</summary>
    [EnumMember(Value = "info")]
    Info,

    /// <summary><c>warning</c>.</summary>
    [EnumMember(Value = "warning")]
    Warning,

    /// <summary><c>error</c>.</summary>
    [EnumMember(Value = "error")]
    Error,

    /// <summary><c>fatal</c>.</summary>
    [EnumMember(Value = "fatal")]
    Fatal,

    /// <summary><c>panic</c>.</summary>
    [EnumMember(Value = "panic")]
    Panic,
}
