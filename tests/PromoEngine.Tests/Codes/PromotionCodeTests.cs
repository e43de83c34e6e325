using Xunit;

namespace PromoEngine.Tests;

/// <summary>The one normalization of codes: separators, compatibility forms, and what makes a code malformed.</summary>
public sealed class PromotionCodeTests
{
    [Theory]
    [InlineData("SAVE\u201320", "SAVE20")] // en dash
    [InlineData("SAVE\u201420", "SAVE20")] // em dash
    [InlineData("SAVE\u201020", "SAVE20")] // hyphen
    [InlineData("SAVE\u201120", "SAVE20")] // non-breaking hyphen
    [InlineData("SAVE\u201220", "SAVE20")] // figure dash
    [InlineData("SAVE\u201520", "SAVE20")] // horizontal bar
    [InlineData("SAVE\u221220", "SAVE20")] // minus sign
    [InlineData("save_20", "SAVE20")]
    [InlineData("save.20", "SAVE20")]
    [InlineData("save/20", "SAVE20")]
    [InlineData("\tSAVE 20\r\n", "SAVE20")]
    [InlineData("ＳＡＶＥ－２０", "SAVE20")]
    [InlineData("𝐒𝐀𝐕𝐄𝟐𝟎", "SAVE20")] // mathematical bold: NFKC gives SAVE20
    public void Normalize_SeparatorsAndCompatibilityForms_GiveOneForm(string typed, string normalized)
    {
        Assert.Equal(normalized, PromotionCode.Normalize(typed));
    }

    [Theory]
    [InlineData("A\u0000B", "A code must not contain control or invisible characters (found U+0000).")]
    [InlineData("SAVE\u200B20", "A code must not contain control or invisible characters (found U+200B).")]
    [InlineData("SAVE20\uFE0F", "A code must not contain control or invisible characters (found U+FE0F).")]
    [InlineData("SAVE\U0001F600", "A code must not contain symbols such as emoji (found U+1F600).")]
    [InlineData("-", "A code must have at least one letter or digit.")]
    [InlineData(" ", "A code must have at least one letter or digit.")]
    [InlineData("\u2013_./", "A code must have at least one letter or digit.")]
    public void TryNormalize_Malformed_SaysWhy(string code, string reason)
    {
        Assert.False(PromotionCode.TryNormalize(code, out var normalized, out var error));
        Assert.Null(normalized);
        Assert.Equal(reason, error);
    }

    [Fact]
    public void TryNormalize_LoneSurrogates_AreNamed()
    {
        // Not in InlineData: attribute strings are stored as UTF-8, which turns a lone surrogate into U+FFFD.
        Assert.False(PromotionCode.TryNormalize("SAVE\uD835", out _, out var high));
        Assert.False(PromotionCode.TryNormalize("\uDC00SAVE", out _, out var low));

        Assert.Equal("A code must not contain control or invisible characters (found a lone surrogate U+D835).", high);
        Assert.Equal("A code must not contain control or invisible characters (found a lone surrogate U+DC00).", low);
    }

    [Fact]
    public void TryNormalize_AMegabyte_IsRefusedByItsLengthAlone()
    {
        var huge = new string('A', 1 << 20);

        Assert.False(PromotionCode.TryNormalize(huge, out _, out var error));
        Assert.Equal("A code must be at most 64 characters; this one has 1048576.", error);
    }

    [Fact]
    public void TryNormalize_SixtyFiveCharacters_IsTooLong_ButSeparatorsDoNotCount()
    {
        Assert.False(PromotionCode.TryNormalize(new string('A', 65), out _, out var error));
        Assert.Equal("A code must be at most 64 characters; this one has 65.", error);
        Assert.True(PromotionCode.TryNormalize(string.Join("-", new string('A', 64).ToCharArray()), out var spaced, out _));
        Assert.Equal(64, spaced.Length);
    }

    [Fact]
    public void Render_MalformedInput_IsPrintableAndCapped()
    {
        Assert.Equal("SAVE[U+200B]20", PromotionCode.Render("SAVE\u200B20"));
        Assert.Equal("A[U+0000][U+D835]", PromotionCode.Render("A\u0000\uD835"));
        Assert.Equal(new string('A', PromotionCode.RenderedLength) + "…", PromotionCode.Render(new string('A', 1 << 20)));
    }

    [Fact]
    public void Normalize_Null_ThrowsArgumentNull()
    {
        Assert.Equal("code", Assert.Throws<System.ArgumentNullException>(() => PromotionCode.Normalize(null!)).ParamName);
    }

    [Fact]
    public void Normalize_Malformed_ThrowsWithTheReason()
    {
        var e = Assert.Throws<System.ArgumentException>(() => PromotionCode.Normalize("--"));

        Assert.Equal("code", e.ParamName);
        Assert.StartsWith("A code must have at least one letter or digit.", e.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void TryNormalize_Null_SaysACodeIsRequired()
    {
        Assert.False(PromotionCode.TryNormalize(null, out var normalized, out var error));
        Assert.Null(normalized);
        Assert.Equal("A code is required.", error);
    }

    [Fact]
    public void TryNormalize_InputOfExactlyTheMaximumLength_IsRead()
    {
        var typed = new string('-', PromotionCode.MaxInputLength - 6) + "SAVE10";

        Assert.True(PromotionCode.TryNormalize(typed, out var normalized, out _));
        Assert.Equal("SAVE10", normalized);
        Assert.False(PromotionCode.TryNormalize("-" + typed, out _, out var error));
        Assert.Equal("A code must be at most 64 characters; this one has 257.", error);
    }

    [Fact]
    public void TryNormalize_VariationSelectorsAtTheEndsOfTheirRanges_AreInvisible()
    {
        // Variation selectors are non-spacing marks, not format characters: only their ranges make them invisible.
        foreach (var selector in new[] { 0xFE00, 0xFE0F, 0xE0100, 0xE01EF })
        {
            Assert.False(PromotionCode.TryNormalize("SAVE" + char.ConvertFromUtf32(selector) + "20", out _, out var error));
            Assert.Equal(System.FormattableString.Invariant($"A code must not contain control or invisible characters (found U+{selector:X4})."), error);
        }
    }

    [Fact]
    public void Render_PlainSpaceStays_OtherWhiteSpaceIsNamed()
    {
        Assert.Equal("SAVE 20[U+0009]X", PromotionCode.Render("SAVE 20\tX"));
    }
}
