using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Custos.Hosting;

namespace Custos.Hashing;

/// <summary>libxcrypt's reentrant <c>crypt_rn</c>: bcrypt (<c>$2b$</c>), md5-crypt (<c>$1$</c>), sha256-crypt (<c>$5$</c>) and sha512-crypt (<c>$6$</c>).</summary>
internal static unsafe partial class LibCrypt
{
    // sizeof(struct crypt_data) in libxcrypt.
    private const int CryptDataSize = 32768;

    /// <summary>
    /// Runs crypt(3) with <paramref name="password"/> and a setting string (a full stored hash also works as a setting).
    /// Returns null when the setting is invalid. The password must not contain NUL: C strings would silently truncate it.
    /// </summary>
    public static string? Crypt(ReadOnlySpan<byte> password, string setting)
    {
        if (password.Contains((byte)0))
        {
            return null;
        }

        var phrase = new byte[password.Length + 1];
        var settingBytes = new byte[Encoding.ASCII.GetByteCount(setting) + 1];
        Encoding.ASCII.GetBytes(setting, settingBytes);
        var data = NativeMemory.AllocZeroed(CryptDataSize);
        try
        {
            password.CopyTo(phrase);
            fixed (byte* p = phrase)
            fixed (byte* s = settingBytes)
            {
                var result = crypt_rn(p, s, data, CryptDataSize);
                return result == null ? null : Marshal.PtrToStringUTF8((nint)result);
            }
        }
        finally
        {
            // crypt_data holds key-schedule state derived from the password.
            NativeMemory.Clear(data, CryptDataSize);
            NativeMemory.Free(data);
            CryptographicOperations.ZeroMemory(phrase);
        }
    }

    [LibraryImport(NativeLibraries.Crypt)]
    private static partial byte* crypt_rn(byte* phrase, byte* setting, void* data, int size);
}
