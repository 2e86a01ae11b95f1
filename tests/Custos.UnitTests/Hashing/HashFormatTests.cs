using Custos.Hashing;

namespace Custos.UnitTests.Hashing;

public sealed class HashFormatTests
{
    [Theory]
    [InlineData("$md5-crypt$TVEiiKNb$SN6/pUaRQS/E8Jh46As2C/", nameof(HashKind.Md5Crypt))]
    [InlineData("$2a$12$o6hx.Wog/wvFSkT/Bp/6DOxCtLRTDj7lm9on9suF/WaCGNVHbkfL6", nameof(HashKind.Bcrypt))]
    [InlineData("$2$12$o6hx.Wog/wvFSkT/Bp/6DOxCtLRTDj7lm9on9suF/WaCGNVHbkfL6", nameof(HashKind.Bcrypt))]
    [InlineData("$2y$12$o6hx.Wog/wvFSkT/Bp/6DOxCtLRTDj7lm9on9suF/WaCGNVHbkfL6", nameof(HashKind.Bcrypt))]
    [InlineData("$sha256-crypt$rounds=535000$05R.9KB6UC2kLI3w$Q/zslzx", nameof(HashKind.Sha256Crypt))]
    [InlineData("$sha512-crypt$rounds=656000$3LVbIAVxR//cRajw$uuNasMW", nameof(HashKind.Sha512Crypt))]
    [InlineData("$argon2id$v=19$m=16,t=2,p=1$bVI1aE1SaTV6SGQ3bzdXdw$fnjCcZYmEPOUOjYXsT92Cg", nameof(HashKind.Argon2id))]
    [InlineData("$argon2i$v=19$m=65536,t=3,p=4$STVE4CQ9qQ1dK/j224VMbA$o8b", nameof(HashKind.Argon2i))]
    [InlineData("$pbkdf2-sha256$i=1000,l=128$e8/arsEf4cvQihdNgqj0Nw$5xQQKNTyeTHx2Ld5/JDE7A", nameof(HashKind.Pbkdf2))]
    [InlineData("$pbkdf2-sha999$i=1,l=1$$", nameof(HashKind.Pbkdf2))]
    [InlineData("$scrypt$ln=16384,r=8,p=1$ZtQ=$pnT=", nameof(HashKind.Scrypt))]
    [InlineData("{SSHA}JFZFs0oHzxbMwkSJmYVeI8MnTDy/276a", nameof(HashKind.Ssha))]
    [InlineData("{SSHA512}xPUl", nameof(HashKind.Ssha))]
    [InlineData("$sha1$pf=e1NBTFR9e1BBU1NXT1JEfQ==$NW9wbWtnejAzcg==$2qU2SGWP8viTM1md3FiI3+rjWXQ=", nameof(HashKind.Sha))]
    [InlineData("$firescrypt$ln=14,r=8,p=1$a$b$c$d", nameof(HashKind.FirebaseScrypt))]
    [InlineData("$md5$4QrcOUm6Wau+VuBX8g+IPg==", nameof(HashKind.Md5))]
    [InlineData("$hmac-md4$a$b", nameof(HashKind.Hmac))]
    [InlineData("$hmac-sha384$a$b", nameof(HashKind.Hmac))]
    public void Detect_KnownPrefix_ReturnsKind(string hash, string expected)
    {
        var kind = HashFormat.Detect(hash);

        Assert.Equal(Enum.Parse<HashKind>(expected), kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("plaintext")]
    [InlineData("$foo$bar")]
    [InlineData("$2x$12$o6hx.Wog/wvFSkT/Bp/6DOxCtLRTDj7lm9on9suF/WaCGNVHbkfL6")]
    [InlineData("$argon2d$v=19$m=16,t=2,p=1$a$b")]
    [InlineData("$pbkdf2$i=1,l=1$a$b")]
    [InlineData("$sha384$pf=a$b$c")]
    [InlineData("{SSHAnotExistent}xPUl")]
    [InlineData("$hmac$a$b")]
    [InlineData("$hmac-invalid$a$b")]
    [InlineData("$5$rounds=535000$awpcR7lDlnK/S7WE$vHU7KkQwyjfGz6u4MUi7.lH9htK/l63HloTsX1ZMz.3")]
    public void Detect_UnknownPrefix_ReturnsNull(string hash)
    {
        var kind = HashFormat.Detect(hash);

        Assert.Null(kind);
    }

    [Theory]
    [InlineData("$2a$16$GRvRO2nrpYTEuPQX6AieaOlZ4.7nMGsXpt.QWMev1zrP86JNspZbO")]
    [InlineData("$2a$20$abcdefghijklmnopqrstuugn/uitWMnDoOdJaSWqW1pjEXZ8eOSCqK")]
    [InlineData("$argon2id$v=19$m=2000000,t=2,p=4$cm94YnRVOW5jZzFzcVE4bQ$MNzk5BtR2vUhrp6qQEjRNw")]
    [InlineData("$argon2id$v=19$m=65536,t=11,p=4$cm94YnRVOW5jZzFzcVE4bQ$MNzk5BtR2vUhrp6qQEjRNw")]
    [InlineData("$argon2id$v=19$m=65536,t=1,p=17$cm94YnRVOW5jZzFzcVE4bQ$MNzk5BtR2vUhrp6qQEjRNw")]
    [InlineData("$argon2id$v=19$m=0,t=1,p=1$cm94YnRVOW5jZzFzcVE4bQ$MNzk5BtR2vUhrp6qQEjRNw")]
    [InlineData("$argon2i$v=19$m=8388608,t=3,p=4$kk51rW/vxIVCYn+EG4kTSg$NyT88uraJ6im6dyha/M5jhXvpqlEdlS/9fEm7ScMb8c")]
    [InlineData("$scrypt$ln=262144,r=8,p=1$c2FsdHNhbHRzYWx0$aGFzaA==")]
    [InlineData("$scrypt$ln=16384,r=9,p=1$c2FsdHNhbHRzYWx0$aGFzaA==")]
    [InlineData("$scrypt$ln=16384,r=8,p=11$c2FsdHNhbHRzYWx0$aGFzaA==")]
    [InlineData("$firescrypt$ln=18,r=8,p=1$c2FsdHNhbHRzYWx0$aGFzaA==$Bw==$a2V5a2V5")]
    [InlineData("$firescrypt$ln=14,r=1024,p=1$c2FsdHNhbHRzYWx0$aGFzaA==$Bw==$a2V5a2V5")]
    [InlineData("$pbkdf2-sha256$i=20000000,l=32$1jP+5Zxpxgtee/iPxGgOz0RfE9/KJuDElP1ley4VxXc$QJxzfvdbHYBpydCbHoFg3GJEqMFULwskiuqiJctoYpI")]
    [InlineData("$pbkdf2-sha256$i=0,l=32$1jP+5Zxpxgtee/iPxGgOz0RfE9/KJuDElP1ley4VxXc$QJxzfvdbHYBpydCbHoFg3GJEqMFULwskiuqiJctoYpI")]
    public void CheckImportable_CostBeyondBounds_ExceedsBounds(string hash)
    {
        var problem = HashFormat.CheckImportable(hash);

        Assert.Equal(HashImportProblem.ExceedsBounds, problem);
    }

    [Theory]
    [InlineData("$foo$bar")]
    [InlineData("")]
    [InlineData("123456")]
    public void CheckImportable_NoKnownPrefix_UnknownFormat(string hash)
    {
        var problem = HashFormat.CheckImportable(hash);

        Assert.Equal(HashImportProblem.UnknownFormat, problem);
    }

    [Theory]
    [InlineData("$argon2id$v=19$m=abc,t=2,p=1$bVI1aE1SaTV6SGQ3bzdXdw$fnjCcZYmEPOUOjYXsT92Cg")]
    [InlineData("$argon2id$v=18$m=16,t=2,p=1$bVI1aE1SaTV6SGQ3bzdXdw$fnjCcZYmEPOUOjYXsT92Cg")]
    [InlineData("$argon2id$m=16,t=2,p=1$bVI1aE1SaTV6SGQ3bzdXdw$fnjCcZYmEPOUOjYXsT92Cg")]
    [InlineData("$argon2id$v=19$m=16,t=2,p=1$bVI1aE1SaTV6SGQ3bzdXdw==$fnjCcZYmEPOUOjYXsT92Cg")]
    [InlineData("$argon2id$v=19$m=16,t=2,p=1$bVI1aE1SaTV6SGQ3bzdXdw$fnjCcZYmEPOUOjYXsT92C!")]
    [InlineData("$2a$12$short")]
    [InlineData("$2a$03$o6hx.Wog/wvFSkT/Bp/6DOxCtLRTDj7lm9on9suF/WaCGNVHbkfL6")]
    [InlineData("$2a$32$o6hx.Wog/wvFSkT/Bp/6DOxCtLRTDj7lm9on9suF/WaCGNVHbkfL6")]
    [InlineData("$2a$1x$o6hx.Wog/wvFSkT/Bp/6DOxCtLRTDj7lm9on9suF/WaCGNVHbkfL6")]
    [InlineData("$pbkdf2-sha256$1jP+5Zxpxgtee/iPxGgOz0RfE9/KJuDElP1ley4VxXc$QJxzfvdbHYBpydCbHoFg3GJEqMFULwskiuqiJctoYpI")]
    [InlineData("$pbkdf2-sha256$aaaa$1jP+5Zxpxgtee/iPxGgOz0RfE9/KJuDElP1ley4VxXc$QJxzfvdbHYBpydCbHoFg3GJEqMFULwskiuqiJctoYpI")]
    [InlineData("$pbkdf2-sha512$I=100000,l=32$bdHBpn7OWOivJMVJypy2UqR0UnaD5prQXRZevj/05YU$+wArTfv1a+bNGO1iZrmEdVjhA+lL11wF4/IxpgYfPwc")]
    [InlineData("$pbkdf2-sha256$i=100000,l=32$1jP+5Zxpxgtee/iPxGgOz0RfE9/KJuDElP1ley4VxXc=$QJxzfvdbHYBpydCbHoFg3GJEqMFULwskiuqiJctoYpI")]
    [InlineData("$scrypt$ln=abc,r=8,p=1$2npRo7P03Mt8keSoMbyD/tKFWyUzjiQf2svUaNDSrhA=$MiCzNcIplSMqSBrm4HckjYqYhaVPPjTARTzwB1cVNYE=")]
    [InlineData("$scrypt$2npRo7P03Mt8keSoMbyD/tKFWyUzjiQf2svUaNDSrhA=$MiCzNcIplSMqSBrm4HckjYqYhaVPPjTARTzwB1cVNYE=")]
    [InlineData("$scrypt$ln=16384,r=8,p=1$(2npRo7P03Mt8keSoMbyD/tKFWyUzjiQf2svUaNDSrhA=$MiCzNcIplSMqSBrm4HckjYqYhaVPPjTARTzwB1cVNYE=")]
    [InlineData("$firescrypt$ln=14,r=8,p=1$sPtDhWcd1MfdAw==$xbSou7FOl6mChCyzpCPIQ7tku7nsQMTFtyOZSXXd7tjBa4NtimOx7v42Gv2SfzPQu1oxM2/k4SsbOu73wlKe1A==$Bw==")]
    public void CheckImportable_Garbled_Unparsable(string hash)
    {
        var problem = HashFormat.CheckImportable(hash);

        Assert.Equal(HashImportProblem.Unparsable, problem);
    }

    [Theory]
    [InlineData("$2a$12$o6hx.Wog/wvFSkT/Bp/6DOxCtLRTDj7lm9on9suF/WaCGNVHbkfL6")]
    [InlineData("$2a$15$GRvRO2nrpYTEuPQX6AieaOlZ4.7nMGsXpt.QWMev1zrP86JNspZbO")]
    [InlineData("$argon2id$v=19$m=32,t=2,p=4$cm94YnRVOW5jZzFzcVE4bQ$MNzk5BtR2vUhrp6qQEjRNw")]
    [InlineData("$argon2id$v=19$m=1048576,t=10,p=16$cm94YnRVOW5jZzFzcVE4bQ$MNzk5BtR2vUhrp6qQEjRNw")]
    [InlineData("$argon2i$v=19$m=65536,t=3,p=4$kk51rW/vxIVCYn+EG4kTSg$NyT88uraJ6im6dyha/M5jhXvpqlEdlS/9fEm7ScMb8c")]
    [InlineData("$pbkdf2-sha256$i=100000,l=32$1jP+5Zxpxgtee/iPxGgOz0RfE9/KJuDElP1ley4VxXc$QJxzfvdbHYBpydCbHoFg3GJEqMFULwskiuqiJctoYpI")]
    [InlineData("$pbkdf2-sha512$i=10000000,l=32$bdHBpn7OWOivJMVJypy2UqR0UnaD5prQXRZevj/05YU$+wArTfv1a+bNGO1iZrmEdVjhA+lL11wF4/IxpgYfPwc")]
    [InlineData("$scrypt$ln=131072,r=8,p=10$2npRo7P03Mt8keSoMbyD/tKFWyUzjiQf2svUaNDSrhA=$MiCzNcIplSMqSBrm4HckjYqYhaVPPjTARTzwB1cVNYE=")]
    [InlineData("$firescrypt$ln=14,r=8,p=1$sPtDhWcd1MfdAw==$xbSou7FOl6mChCyzpCPIQ7tku7nsQMTFtyOZSXXd7tjBa4NtimOx7v42Gv2SfzPQu1oxM2/k4SsbOu73wlKe1A==$Bw==$YE0dO4bwD4JnJafh6lZZfkp1MtKzuKAXQcDCJNJNyeCHairWHKENOkbh3dzwaCdizzOspwr/FITUVlnOAwPKyw==")]
    [InlineData("$md5$CY9rzUYh03PK3k6DJie09g==")]
    [InlineData("$md5$$")]
    [InlineData("$sha256-crypt$rounds=535000$05R.9KB6UC2kLI3w$Q/zslzx./JjkAVPTwp6th7nW5l7JU91Gte/UmIh.U78")]
    [InlineData("{SSHA}JFZFs0oHzxbMwkSJmYVeI8MnTDy/276a")]
    [InlineData("$hmac-sha256$YjhhZDA4YTNhNTQ3ZTM1ODI5YjgyMWI3NTM3MDMwMWRkOGM0YjA2YmRkNzc3MWY5YjU0MWE3NTkxNDA2ODcxOA==$MTIzNDU2")]
    public void CheckImportable_WithinBounds_None(string hash)
    {
        var problem = HashFormat.CheckImportable(hash);

        Assert.Equal(HashImportProblem.None, problem);
    }

    [Fact]
    public void Message_EachProblem_IsKratosReason()
    {
        var messages = Enum.GetValues<HashImportProblem>().ToDictionary(p => p, HashFormat.Message);

        Assert.Null(messages[HashImportProblem.None]);
        Assert.Equal("The imported password does not match any known hash format.", messages[HashImportProblem.UnknownFormat]);
        Assert.Equal("The imported password hash could not be parsed.", messages[HashImportProblem.Unparsable]);
        Assert.Equal(
            "The imported password hash declares cost parameters that exceed the bounds enforced by Ory. "
            + "Re-hash the password with a more conservative configuration before importing.",
            messages[HashImportProblem.ExceedsBounds]);
    }
}
