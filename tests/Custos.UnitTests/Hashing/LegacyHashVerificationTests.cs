using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Custos.Hashing;

namespace Custos.UnitTests.Hashing;

/// <summary>crypt(3), SSHA, SHA/MD5 with salting format, and HMAC hashes, against vectors from Kratos's tests, from
/// <c>openssl passwd</c> and Python's hmac, or computed independently here.</summary>
[SuppressMessage("Security", "CA5350", Justification = "Builds legacy hashes to verify them.")]
[SuppressMessage("Security", "CA5351", Justification = "Builds legacy hashes to verify them.")]
public sealed class LegacyHashVerificationTests
{
    private readonly PasswordHashComparer _comparer = new();

    [Theory]
    [InlineData("test", "$md5-crypt$TVEiiKNb$SN6/pUaRQS/E8Jh46As2C/")]
    [InlineData("test", "$md5-crypt$$whuMjZj.HMFoaTaZRRtkO0")]
    [InlineData("ory", "$md5-crypt$xWMlm2eL$GGTOpgZu4p2k6ORprAu3b.")]
    [InlineData("correct horse", "$md5-crypt$custosSL$sq0gDnQE4Ji.W7LN.SbET.")]
    [InlineData("test", "$sha256-crypt$rounds=535000$05R.9KB6UC2kLI3w$Q/zslzx./JjkAVPTwp6th7nW5l7JU91Gte/UmIh.U78")]
    [InlineData("correct horse", "$sha256-crypt$custosSL$gYLa.5c5i.qIFXZ1pGbbHCYvlK0zeJBWhzPfqdpaW2.")]
    [InlineData("ory", "$sha512-crypt$rounds=656000$0baQbxBrfpKqvizk$Q9cYk1MeNAlECPgpG3jjfNI2DumLqd0yHbxzLdxiX6nsSD5i9n0awcbiCf8R5DzpIYxeBPznPcb1wtzlgUKtH0")]
    [InlineData("correct horse", "$sha512-crypt$custosSL$B6I2de6PvzGvYkHDVEm149k6f8usIHa1fIzecIht3EBe1GRlm8LuBK7yStq9TX6aanjMA3CZUWhD1G37SiZkY.")]
    [InlineData("test123", "{SSHA}JFZFs0oHzxbMwkSJmYVeI8MnTDy/276a")]
    [InlineData("test123", "{SSHA256}czO44OTV17PcF1cRxWrLZLy9xHd7CWyVYplr1rOhuMlx/7IK")]
    [InlineData("test123", "{SSHA512}xPUl/px+1cG55rUH4rzcwxdOIPSB2TingLpiJJumN2xyDWN4Ix1WQG3ihnvHaWUE8MYNkvMi5rf0C9NYixHsE6Yh59M=")]
    [InlineData("test", "$sha1$pf=e1NBTFR9e1BBU1NXT1JEfQ==$NW9wbWtnejAzcg==$2qU2SGWP8viTM1md3FiI3+rjWXQ=")]
    [InlineData("BwS^514g^cv@Z", "$sha1$pf=e1NBTFR9e1BBU1NXT1JEfQ==$NW9wbWtnejAzcg==$99h9net4BXl7qdTRaiGUobLROxM=")]
    [InlineData("test", "$sha1$pf=Pz9zdGF0aWNQcmVmaXg/P3tTQUxUfXtQQVNTV09SRH0=$NW9wbWtnejAzcg==$SAAxMUn7jxckQXkBmsVF0nHwqso=")]
    [InlineData("test", "$sha1$pf=e1BBU1NXT1JEfSUle1NBTFR9$NW9wbWtnejAzcg==$YX0AW8/MW5ojUlnzTaR43ucHCog=")]
    [InlineData("test", "$sha1$pf=JHtQQVNTV09SRH0ke1NBTFR9JA==$NW9wbWtnejAzcg==$iE5n1yjX3oAdxRHwZ4u57I4LpQo=")]
    [InlineData("test", "$sha256$pf=e1NBTFR9e1BBU1NXT1JEfQ==$NW9wbWtnejAzcg==$0gfRVLCvtBCk20udLDEY5vNhujWx7RGjwRIS1ebMsLY=")]
    [InlineData("test", "$sha256$pf=e1NBTFR9JCR7UEFTU1dPUkR9$NW9wbWtnejAzcg==$HokCOi9OtiZaZRvnkgemV3B4UUHpI7kA8zq/EZWH2NY=")]
    [InlineData("test", "$sha512$pf=e1NBTFR9e1BBU1NXT1JEfQ==$NW9wbWtnejAzcg==$6ctpVuApMNp0CgBXcdHw/GC562eFEFGr4gpgANX8ZYsX+j5B19IkdmOY2Fytsz3QUwSWdGcUjbqwgJGTH0UYvw==")]
    [InlineData("test", "$sha512$pf=e1NBTFR9JCR7UEFTU1dPUkR9$NW9wbWtnejAzcg==$1F9BPW8UtdJkZ9Dhlf+D4X4dJ9xfuH8y04EfuCP2k4aGPPq/aWxU9/xe3LydHmYW1/K3zu3NFO9ETVrZettz3w==")]
    [InlineData("test", "$md5$CY9rzUYh03PK3k6DJie09g==")]
    [InlineData("ory", "$md5$ptoWyof5SobW+pbZu2QXoQ==")]
    [InlineData("123456", "$md5$4QrcOUm6Wau+VuBX8g+IPg==")]
    [InlineData("test", "$md5$pf=e1NBTFR9e1BBU1NXT1JEfQ==$MTIz$q+RdKCgc+ipCAcm5ChQwlQ==")]
    [InlineData("test", "$md5$pf=e1NBTFR9JCR7UEFTU1dPUkR9$MTIzNA==$ud392Z8rfZ+Ou7ZFXYLKbA==")]
    [InlineData("ory", "$md5$pf=e1BBU1NXT1JEfXtTQUxUfSQ/$MTIzNDU2Nzg5$8PhwWanVRnpJAFK4NUjR0w==")]
    [InlineData("test", "$hmac-md4$MWQ5ZTI4Nzc2Zjg4YmE2MTQ5YjQ0OTMyOGE4NWU4YjA=$MTIzNDU=")]
    [InlineData("test", "$hmac-md5$ZmU4Njk3Zjc0MmQwODA0MDVkMTI3MGU2MTYzMzE2Zjk=$MTIzNDU=")]
    [InlineData("test", "$hmac-sha1$NDMyNjcxZTUyY2Y2YTBmYjZjZDE2NjQxYjAwNjFiZjAwOGEzNWM5MA==$MTIzNDU=")]
    [InlineData("test", "$hmac-sha224$YmUwYmYzM2EwNGRlNDE0YjQzNjBhNmIyOThmNmIyYzI4OWQyMzk3MDUwZDFjMzliYjVmMDMyOTQ=$MTIzNDU=")]
    [InlineData("correct horse", "$hmac-sha224$ZjlkYjhkOGFjNGU4NDNmYmU3MDAxMTE0MTBmNDlmNjZlYjY5ODE5ODUzMTI3YjQ3MjRhMjA3ZWU=$azN5")]
    [InlineData("test", "$hmac-sha256$ZTAzMWJhMWMyOTM4YjFkMjgzZjkxOWExZGY5YWM2NmMxOTJhN2RkNzQ0MzJkNWZkNGFkYTI5OTk0MWJhMTA5Zg==$MTIzNDU=")]
    [InlineData("123456", "$hmac-sha256$YjhhZDA4YTNhNTQ3ZTM1ODI5YjgyMWI3NTM3MDMwMWRkOGM0YjA2YmRkNzc3MWY5YjU0MWE3NTkxNDA2ODcxOA==$MTIzNDU2")]
    [InlineData("test", "$hmac-sha384$ZWEyMGM3NGE4Y2UzMTljNTdjZTlhZGQyYTZjNDE0MGQ4YjMwYWIwOWM4OTRiNWQ4MmZjODlhMzBhMmQzNGE5NmQ0NDY1NWRhYjQ2ZjhiYjBkNTRmYjk5YWZkZTA1MGY1$MTIzNDU=")]
    [InlineData("test", "$hmac-sha512$OTFmODY0ZTI1NmU0ZjVhYjhiMDViZGFmNGVmNGZmMGVlNTY4ODYwNWJhYTk4MTk2OTgyMzc3NzI1YTc4MzcxMTMzNzZmY2YxYTk5MGMxM2RiZDk2MGFmMmQ1YzRmODdlMGMwYTNkYjcyNjY0NjM4NGE4YzQ2MjNhZDZkN2UxZTE=$MTIzNDU=")]
    public void Compare_KnownVector_Matches(string password, string hash)
    {
        var matches = _comparer.Compare(password, hash);

        Assert.True(matches);
    }

    [Theory]
    [InlineData("$md5-crypt$TVEiiKNb$SN6/pUaRQS/E8Jh46As2C/")]
    [InlineData("$sha256-crypt$custosSL$gYLa.5c5i.qIFXZ1pGbbHCYvlK0zeJBWhzPfqdpaW2.")]
    [InlineData("$sha512-crypt$custosSL$B6I2de6PvzGvYkHDVEm149k6f8usIHa1fIzecIht3EBe1GRlm8LuBK7yStq9TX6aanjMA3CZUWhD1G37SiZkY.")]
    [InlineData("{SSHA}JFZFs0oHzxbMwkSJmYVeI8MnTDy/276a")]
    [InlineData("{SSHA256}czO44OTV17PcF1cRxWrLZLy9xHd7CWyVYplr1rOhuMlx/7IK")]
    [InlineData("{SSHA512}xPUl/px+1cG55rUH4rzcwxdOIPSB2TingLpiJJumN2xyDWN4Ix1WQG3ihnvHaWUE8MYNkvMi5rf0C9NYixHsE6Yh59M=")]
    [InlineData("$sha1$pf=e1NBTFR9e1BBU1NXT1JEfQ==$NW9wbWtnejAzcg==$2qU2SGWP8viTM1md3FiI3+rjWXQ=")]
    [InlineData("$sha256$pf=e1NBTFR9e1BBU1NXT1JEfQ==$NW9wbWtnejAzcg==$0gfRVLCvtBCk20udLDEY5vNhujWx7RGjwRIS1ebMsLY=")]
    [InlineData("$md5$CY9rzUYh03PK3k6DJie09g==")]
    [InlineData("$md5$pf=e1NBTFR9e1BBU1NXT1JEfQ==$MTIz$q+RdKCgc+ipCAcm5ChQwlQ==")]
    [InlineData("$hmac-md4$MWQ5ZTI4Nzc2Zjg4YmE2MTQ5YjQ0OTMyOGE4NWU4YjA=$MTIzNDU=")]
    [InlineData("$hmac-sha224$YmUwYmYzM2EwNGRlNDE0YjQzNjBhNmIyOThmNmIyYzI4OWQyMzk3MDUwZDFjMzliYjVmMDMyOTQ=$MTIzNDU=")]
    [InlineData("$hmac-sha512$OTFmODY0ZTI1NmU0ZjVhYjhiMDViZGFmNGVmNGZmMGVlNTY4ODYwNWJhYTk4MTk2OTgyMzc3NzI1YTc4MzcxMTMzNzZmY2YxYTk5MGMxM2RiZDk2MGFmMmQ1YzRmODdlMGMwYTNkYjcyNjY0NjM4NGE4YzQ2MjNhZDZkN2UxZTE=$MTIzNDU=")]
    public void Compare_WrongPassword_DoesNotMatch(string hash)
    {
        var matches = _comparer.Compare("wrongpass", hash);

        Assert.False(matches);
    }

    [Theory]
    [InlineData("test", "$md5-crypt$xWMlm2eL$GGTOpgZu4p2k6ORprAu3b.")]
    [InlineData("test", "$md5-crypt$whuMjZj.HMFoaTaZRRtkO0")]
    [InlineData("ory", "$md5-crypt$$")]
    [InlineData("ory", "$sha256-crypt$$")]
    [InlineData("ory", "$sha512-crypt$$$")]
    [InlineData("test", "$sha1$pf=e1NBTFR9e1BBU1NXT1JEfQ==$cDJvb3ZrZGJ6cQ==$2qU2SGWP8viTM1md3FiI3+rjWXQ=")]
    [InlineData("test", "$sha1$pf=e1NBTFR9e1BBU1NXT1JEfQ==$5opmkgz03r$2qU2SGWP8viTM1md3FiI3+rjWXQ=")]
    [InlineData("test", "$sha1$pf=$NW9wbWtnejAzcg==$2qU2SGWP8viTM1md3FiI3+rjWXQ=")]
    [InlineData("test", "$sha1$$NW9wbWtnejAzcg==$2qU2SGWP8viTM1md3FiI3+rjWXQ=")]
    [InlineData("test", "$sha1$NW9wbWtnejAzcg==$2qU2SGWP8viTM1md3FiI3+rjWXQ=")]
    [InlineData("test", "$md5$WhBei51A4TKXgNYuoiZdig==")]
    [InlineData("ory", "$md5$$")]
    [InlineData("ory", "$md5$pf=$$")]
    [InlineData("ory", "$md5$pf=MTIz$Z$")]
    [InlineData("ory", "$md5$pf=MTIz$MTIz$Z")]
    [InlineData("", "{SSHA}tooshort")]
    [InlineData("test", "$hmac-md4$MWQ5ZTI4Nzc2Zjg4YmE2MTQ5YjQ0OTMyOGE4NWU4YjA=$MTIzNA==")]
    [InlineData("test", "$hmac-md5$ZmU4Njk3Zjc0MmQwODA0MDVkMTI3MGU2MTYzMzE2Zjk=")]
    [InlineData("test", "$hmac-md5$ZmU4Njk3Zjc0MmQwODA0MDVkMTI3MGU2MTYzMzE2Zjk=$")]
    [InlineData("test", "$hmac-md5$$MTIzNDU=")]
    [InlineData("test", "$hmac-md5$")]
    public void Compare_GarbledOrMismatched_DoesNotMatch(string password, string hash)
    {
        var matches = _comparer.Compare(password, hash);

        Assert.False(matches);
    }

    [Theory]
    [InlineData("{SSHA}", 20)]
    [InlineData("{SSHA256}", 32)]
    [InlineData("{SSHA512}", 64)]
    public void Compare_SshaComputedIndependently_Matches(string prefix, int digestLength)
    {
        var salt = RandomNumberGenerator.GetBytes(8);
        byte[] input = [.. Encoding.UTF8.GetBytes("s3cret"), .. salt];
        var digest = digestLength switch { 20 => SHA1.HashData(input), 32 => SHA256.HashData(input), _ => SHA512.HashData(input) };

        var matches = _comparer.Compare("s3cret", prefix + Convert.ToBase64String([.. digest, .. salt]));

        Assert.True(matches);
    }

    [Fact]
    public void Compare_ShaFormatPasswordContainingSaltToken_IsSubstitutedOnce()
    {
        // Go's strings.Replacer substitutes in one pass: "{SALT}" inside the password stays literal.
        var salt = "pepper"u8.ToArray();
        var expected = SHA256.HashData("pepper:{SALT}"u8);
        var hash = $"$sha256$pf={B64("{SALT}:{PASSWORD}")}${Convert.ToBase64String(salt)}${Convert.ToBase64String(expected)}";

        var matches = _comparer.Compare("{SALT}", hash);

        Assert.True(matches);
    }

    [Theory]
    [InlineData("md5")]
    [InlineData("sha1")]
    [InlineData("sha256")]
    [InlineData("sha384")]
    [InlineData("sha512")]
    public void Compare_HmacComputedIndependently_Matches(string algorithm)
    {
        var key = RandomNumberGenerator.GetBytes(20);
        var password = "hmac me"u8;
        var mac = algorithm switch
        {
            "md5" => HMACMD5.HashData(key, password),
            "sha1" => HMACSHA1.HashData(key, password),
            "sha256" => HMACSHA256.HashData(key, password),
            "sha384" => HMACSHA384.HashData(key, password),
            _ => HMACSHA512.HashData(key, password),
        };
        var hash = $"$hmac-{algorithm}${B64(Convert.ToHexStringLower(mac))}${Convert.ToBase64String(key)}";

        var matches = _comparer.Compare("hmac me", hash);

        Assert.True(matches);
    }

    [Fact]
    public void Compare_CryptFormatPasswordWithNul_DoesNotMatchTruncatedPassword()
    {
        // C strings end at NUL; "test\0anything" must not verify as "test".
        var matches = _comparer.Compare("test\0anything", "$md5-crypt$TVEiiKNb$SN6/pUaRQS/E8Jh46As2C/");

        Assert.False(matches);
    }

    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
