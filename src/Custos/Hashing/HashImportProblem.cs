namespace Custos.Hashing;

/// <summary>Why an imported password hash is refused; <see cref="HashFormat"/> holds the matching error reasons.</summary>
internal enum HashImportProblem
{
    None,
    UnknownFormat,
    Unparsable,
    ExceedsBounds,
}
