namespace Custos.Config;

/// <summary>How an options type maps onto the YAML tree.</summary>
internal enum ConfigNodeKind
{
    /// <summary>A string, number, boolean, duration, byte size or enum.</summary>
    Scalar,

    /// <summary>An options class whose properties carry YAML keys.</summary>
    Object,

    /// <summary>A <c>List&lt;T&gt;</c>: a YAML sequence, replaced as a whole when merging.</summary>
    List,

    /// <summary>A <c>Dictionary&lt;string, T&gt;</c>: a YAML map with user-chosen keys.</summary>
    Map,

    /// <summary>Free-form JSON (<see cref="System.Text.Json.JsonElement"/>), kept as written.</summary>
    Raw,
}
