using System.Text;
using Sveltos.Engine.Templates.Go.Crypto;

namespace Sveltos.Engine.Tests.Templates.Go;

/// <summary>The primitives .NET lacks, against their published test vectors.</summary>
[Collection(CpuHeavyCollection.Name)]
public class GoCryptoPrimitiveTests
{
    [Theory]
    [InlineData("", "", 16, 1, 1, "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906")]
    [InlineData("password", "NaCl", 1024, 8, 16, "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640")]
    [InlineData("pleaseletmein", "SodiumChloride", 16384, 8, 1, "7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887")]
    public void ScryptMatchesTheRfc7914Vectors(string password, string salt, int n, int r, int p, string expected)
    {
        var key = Scrypt.DeriveKey(Encoding.ASCII.GetBytes(password), Encoding.ASCII.GetBytes(salt), n, r, p, 64);
        Assert.Equal(expected, Convert.ToHexString(key).ToLowerInvariant());
    }

    [Fact]
    public void PiDigitsStartWithBlowfishsFirstSubkeys()
    {
        var words = PiDigits.FractionWords(1042);
        Assert.Equal([0x243F6A88u, 0x85A308D3u, 0x13198A2Eu, 0x03707344u], words[..4]);
        // The last word of the fourth S-box.
        Assert.Equal(0x3AC372E6u, words[^1]);
    }

    [Theory]
    [InlineData("", "$2a$06$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s.")]
    [InlineData("a", "$2a$06$m0CrhHm10qJ3lXRY.5zDGO3rS2KdeeWLuGmsfGlMfOxih58VYVfxe")]
    [InlineData("abc", "$2a$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i")]
    [InlineData("abcdefghijklmnopqrstuvwxyz", "$2a$06$.rCVZVOThsIa97pEDOxvGuRRgzG64bvtJ0938xuqzv18d3ZpQhstC")]
    [InlineData("~!@#$%^&*()      ~!@#$%^&*()PNBFRD", "$2a$06$fPIsBO8qRqkjj273rfaOI.HtSV9jLDpTbZn782DC6/t7qT67P6FfO")]
    [InlineData("a", "$2a$10$k87L/MF28Q673VKh8/cPi.SUl7MU/rWuSiIDDFayrKk/1tBsSQu4u")]
    [InlineData("U*U", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW")]
    [InlineData("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789chars after 72 are ignored", "$2a$05$abcdefghijklmnopqrstuu5s2v8.iXieOjg/.AySBTTZIIVFJeBui")]
    public void BcryptMatchesTheOpenBsdAndOpenwallVectors(string password, string expected)
    {
        var (cost, salt) = Bcrypt.ReadSalt(expected);
        Assert.Equal(expected, Bcrypt.Hash(Encoding.UTF8.GetBytes(password), cost, salt));
    }

    [Theory]
    [InlineData(1u, "long", "ZedaFaxcZaso9*")]
    [InlineData(2u, "long", "Fovi2@JifpTupx")]
    [InlineData(1u, "maximum", "pf4zS1LjCg&LjhsZ7T2~")]
    [InlineData(1u, "medium", "ZedJuz8$")]
    [InlineData(1u, "basic", "pIS54PLs")]
    [InlineData(1u, "short", "Zed5")]
    [InlineData(1u, "pin", "6685")]
    public void MasterPasswordMatchesSprigsKnownOutputs(uint counter, string type, string expected) =>
        Assert.Equal(expected, MasterPassword.Derive(counter, type, "password", "user", "example.com"));
}
