namespace Custos.Hashing;

/// <summary>
/// A password longer than <see cref="PasswordHasher.MaxPasswordLength"/> characters was handed to the hasher. Callers are
/// expected to refuse such passwords earlier as a policy violation; this guards the CPU-heavy hashing itself.
/// </summary>
internal sealed class PasswordTooLongException : ArgumentException
{
    public PasswordTooLongException()
        : base($"The password exceeds the maximum length of {PasswordHasher.MaxPasswordLength} characters.", "password")
    {
    }

    public PasswordTooLongException(string message)
        : base(message)
    {
    }

    public PasswordTooLongException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The maximum accepted length in UTF-16 characters.</summary>
    public int MaxLength => PasswordHasher.MaxPasswordLength;
}
