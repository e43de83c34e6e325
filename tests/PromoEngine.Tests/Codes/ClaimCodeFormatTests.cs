using System;
using System.Linq;
using Xunit;

namespace PromoEngine.Tests;

/// <summary>The edges of a claim-code format that mutation testing found unasserted (benchmarks/results/mutation/Codes):
/// the alphabet's size bounds, the sizes a check character accepts, grouping for display and folding.</summary>
public sealed class ClaimCodeFormatTests
{
    [Theory]
    [InlineData("AB")]
    [InlineData("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")]
    public void Constructor_AlphabetOfTwoOrEveryLetterAndDigit_IsAccepted(string alphabet)
    {
        Assert.Equal(alphabet, new ClaimCodeFormat(alphabet: alphabet, checkCharacter: false).Alphabet);
    }

    [Theory]
    [InlineData("A")]
    [InlineData("")]
    public void Constructor_AlphabetOfFewerThanTwo_IsRefused(string alphabet)
    {
        var e = Assert.Throws<ArgumentException>(() => new ClaimCodeFormat(alphabet: alphabet, checkCharacter: false));

        Assert.Equal("alphabet", e.ParamName);
        Assert.StartsWith("An alphabet needs 2 to 64 characters.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_AlphabetOfSixtyFive_IsRefusedForItsSize()
    {
        var alphabet = string.Concat(Enumerable.Repeat("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", 2))[..65];

        var e = Assert.Throws<ArgumentException>(() => new ClaimCodeFormat(alphabet: alphabet, checkCharacter: false));

        Assert.StartsWith("An alphabet needs 2 to 64 characters.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_AlphabetOfSixtyFourWithARepeat_NamesTheRepeatedCharacter()
    {
        // Only 36 characters qualify, so 64 of them repeat one: the message says which, not that 64 is too many.
        var alphabet = string.Concat(Enumerable.Repeat("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", 2))[..64];

        var e = Assert.Throws<ArgumentException>(() => new ClaimCodeFormat(alphabet: alphabet, checkCharacter: false));

        Assert.StartsWith("The alphabet holds '0' twice.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_FirstCharacterRepeated_IsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => new ClaimCodeFormat(alphabet: "ABA", checkCharacter: false));

        Assert.Equal("alphabet", e.ParamName);
        Assert.StartsWith("The alphabet holds 'A' twice.", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AB-C")]
    [InlineData("abc")]
    public void Constructor_AlphabetWithOtherCharacters_IsRefusedNamingTheCharacter(string alphabet)
    {
        var e = Assert.Throws<ArgumentException>(() => new ClaimCodeFormat(alphabet: alphabet, checkCharacter: false));

        Assert.Equal("alphabet", e.ParamName);
        Assert.Contains("upper-case letters A-Z and digits only", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("WELCOME-")]
    [InlineData("welcome")]
    public void Constructor_PrefixWithOtherCharacters_IsRefused(string prefix)
    {
        var e = Assert.Throws<ArgumentException>(() => new ClaimCodeFormat(prefix: prefix));

        Assert.Equal("prefix", e.ParamName);
        Assert.Contains("A prefix holds upper-case letters A-Z and digits only", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ABC")]      // 3, the smallest prime allowed
    [InlineData("ABCD")]     // 4, the smallest power of two allowed
    [InlineData("ABCDEFGH")] // 8, a power of two
    [InlineData("0123456789ABCDEFGHIJKLMNOPQRSTUV")] // 32
    public void CheckCharacter_SmallestPrimeAndPowersOfTwo_CatchEverySingleError(string alphabet)
    {
        var format = new ClaimCodeFormat(length: 6, alphabet: alphabet, groupSize: 0);
        var codes = ClaimCodeGenerator.Generate(format, 20, maxShare: ClaimCodeGenerator.MaxShareLimit);

        foreach (var code in codes)
        {
            Assert.Equal(ClaimCodeCheck.Valid, format.Check(code));
            for (var i = 0; i < code.Length; i++)
            {
                foreach (var wrong in alphabet.Where(c => c != code[i]))
                {
                    Assert.Equal(ClaimCodeCheck.LikelyTypo, format.Check(code[..i] + wrong + code[(i + 1)..]));
                }
            }
        }
    }

    [Theory]
    [InlineData("AB")]        // 2: a power of two, but below 4
    [InlineData("ABCDEFGHJ")] // 9 = 3 x 3
    [InlineData("0123456789ABCDEFGHIJKLMNO")] // 25 = 5 x 5
    public void CheckCharacter_SquaresAndTwo_AreRefused(string alphabet)
    {
        var e = Assert.Throws<ArgumentException>(() => new ClaimCodeFormat(alphabet: alphabet));

        Assert.Equal("alphabet", e.ParamName);
        Assert.Contains($"this one has {alphabet.Length}.", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(32)]
    public void Constructor_LengthAtItsBounds_IsAccepted(int length)
    {
        var format = new ClaimCodeFormat(length: length);

        Assert.Equal(length, format.Length);
        Assert.Equal(length + 1, format.NormalizedLength);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(33)]
    public void Constructor_LengthOutOfRange_IsRefused(int length)
    {
        Assert.Equal("length", Assert.Throws<ArgumentOutOfRangeException>(() => new ClaimCodeFormat(length: length)).ParamName);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(33)]
    public void Constructor_GroupSizeOutOfRange_IsRefused(int groupSize)
    {
        Assert.Equal("groupSize", Assert.Throws<ArgumentOutOfRangeException>(() => new ClaimCodeFormat(groupSize: groupSize)).ParamName);
    }

    [Fact]
    public void Properties_AreAsGiven()
    {
        var format = new ClaimCodeFormat(length: 5, prefix: "GIFT", groupSize: 2, checkCharacter: false, alphabet: "ABCDEFG", foldLookAlikes: true);

        Assert.Equal(("GIFT", 2, false, true), (format.Prefix, format.GroupSize, format.HasCheckCharacter, format.FoldsLookAlikes));
        Assert.Equal(9, format.NormalizedLength);
        Assert.Equal(Math.Pow(7, 5), format.Capacity);
        Assert.Equal(5 * Math.Log2(7), format.EntropyBits, 10);
        Assert.False(ClaimCodeFormat.Default.FoldsLookAlikes);
    }

    [Fact]
    public void Display_NoPrefixNoGrouping_IsTheCodeAsItIs()
    {
        var format = new ClaimCodeFormat(length: 6, groupSize: 0, checkCharacter: false, alphabet: "ABC");

        Assert.Equal("ABCABC", format.Display("abc-abc"));
    }

    [Fact]
    public void Display_NoPrefix_GroupsFromTheFirstCharacter()
    {
        var format = new ClaimCodeFormat(length: 7, groupSize: 3, checkCharacter: false, alphabet: "ABC");

        Assert.Equal("ABC-ABC-A", format.Display("ABCABCA"));
    }

    [Fact]
    public void Display_PrefixWithoutGrouping_SeparatesOnlyThePrefix()
    {
        var format = new ClaimCodeFormat(length: 4, prefix: "GO", groupSize: 0, checkCharacter: false, alphabet: "ABC");

        Assert.Equal("GO-ABCA", format.Display("goabca"));
    }

    [Fact]
    public void Display_CodeOfAnotherFormat_IsRefusedNamingIt()
    {
        var format = new ClaimCodeFormat(length: 4, checkCharacter: false, alphabet: "ABC");

        var e = Assert.Throws<ArgumentException>(() => format.Display("ab-cd"));

        Assert.Equal("code", e.ParamName);
        Assert.StartsWith("'ABCD' is not a valid code of this format.", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GOABCA", ClaimCodeCheck.Valid)]
    [InlineData("ABCAGO", ClaimCodeCheck.OtherShape)]  // the prefix is not first
    [InlineData("GOABC", ClaimCodeCheck.OtherShape)]   // too short
    [InlineData("GOABCAB", ClaimCodeCheck.OtherShape)] // too long
    [InlineData("GOABDA", ClaimCodeCheck.OtherShape)]  // a character outside the alphabet
    [InlineData("GOABÉA", ClaimCodeCheck.OtherShape)]  // a character outside ASCII
    public void Check_WithoutCheckCharacter_JudgesTheShapeOnly(string code, ClaimCodeCheck expected)
    {
        var format = new ClaimCodeFormat(length: 4, prefix: "GO", checkCharacter: false, alphabet: "ABC");

        Assert.Equal(expected, format.Check(code));
    }

    [Fact]
    public void Fold_ReadsLookAlikesAfterThePrefixOnly()
    {
        // The prefix holds an O and an I that must stay as they are; after it, O and I are the alphabet's 0 and 1.
        var format = new ClaimCodeFormat(length: 4, prefix: "OI", checkCharacter: false, alphabet: "0123", foldLookAlikes: true);

        Assert.Equal("OI0123", format.Fold("OIOI23"));
        Assert.Equal("OI01É3", format.Fold("OIOIÉ3"));
        Assert.Equal("XYOI23", format.Fold("XYOI23"));
        Assert.Equal("OIOI23", new ClaimCodeFormat(length: 4, prefix: "OI", checkCharacter: false, alphabet: "0123").Fold("OIOI23"));
        Assert.Equal(ClaimCodeCheck.Valid, format.Check("oi-oi-23"));
    }

    [Fact]
    public void Fold_FirstCharacterPastAscii_IsLeftAsItIs()
    {
        // Fold is public and does not check that its input is normalized: a character past the folding table (U+0080 is
        // its first) passes through, as every character beyond ASCII does, instead of reading past the table.
        var format = new ClaimCodeFormat(length: 4, prefix: "OI", checkCharacter: false, alphabet: "0123", foldLookAlikes: true);

        Assert.Equal("OI0\u00801", format.Fold("OIO\u0080I"));
        Assert.Equal("OI0\u007F1", format.Fold("OIO\u007FI"));
    }

    [Fact]
    public void Fold_Null_Throws()
    {
        Assert.Equal("normalized", Assert.Throws<ArgumentNullException>(() => ClaimCodeFormat.Default.Fold(null!)).ParamName);
    }

    [Fact]
    public void Constructor_NullPrefixOrAlphabet_ThrowsArgumentNull()
    {
        Assert.Equal("prefix", Assert.Throws<ArgumentNullException>(() => new ClaimCodeFormat(prefix: null!)).ParamName);
        Assert.Equal("alphabet", Assert.Throws<ArgumentNullException>(() => new ClaimCodeFormat(alphabet: null!)).ParamName);
    }

    [Fact]
    public void FoldLookAlikes_AlphabetWithTwoLookAlikes_NamesTheSetAndTheTwo()
    {
        var e = Assert.Throws<ArgumentException>(() => new ClaimCodeFormat(alphabet: "0OABCDE", foldLookAlikes: true, checkCharacter: false));

        Assert.StartsWith("Look-alike folding needs at most one of 0, O, Q in the alphabet; it has 0 and O.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_NullFormat_ThrowsArgumentNull()
    {
        Assert.Equal("format", Assert.Throws<ArgumentNullException>(() => ClaimCodeGenerator.Generate(null!, 1)).ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(10_000_001)]
    public void Generate_CountOutOfRange_IsRefused(int count)
    {
        var format = new ClaimCodeFormat(length: 32);

        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => ClaimCodeGenerator.Generate(format, count)).ParamName);
    }
}
