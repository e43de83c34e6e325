using System;
using System.Globalization;
using System.Linq;
using System.Text;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>The shape of generated claim codes: an alphabet without look-alike characters, a length, a prefix, how
/// they are grouped for display, and an optional check character that catches typos.</summary>
/// <remarks>
/// <para>The check character catches every single wrong character and every swap of two adjacent characters. It is
/// computed with a totally anti-symmetric quasigroup (Damm's method generalized: <c>x * y = 2x + y</c> over the field
/// with as many elements as the alphabet has characters), so the alphabet's size must be a prime of at least 3 or a
/// power of two of at least 4. The default alphabet, <c>23456789ACDEFGHJKLMNPQRTUVWXY</c>, has 29, a prime.</para>
/// <para>The default alphabet holds no two characters that look alike (the sets the constructor's
/// <c>foldLookAlikes</c> and the catalog linter use), so every default format can fold look-alikes. Codes made
/// with the former default, <c>23456789ABCDEFGHJKLMNPQRSTUVWXYZ</c> (with B, S and Z), keep their format only when that
/// alphabet is passed explicitly (and their former default length, 8).</para>
/// <para>Guessing: a code's random part holds <see cref="EntropyBits"/> bits; the catalog linter warns below 40, and
/// <see cref="ClaimCodeGenerator.Generate"/> fills at most one millionth of <see cref="Capacity"/> unless told
/// otherwise, so a guess finds a code at most once in a million tries.</para>
/// <para>Codes are compared in normalized form (see <see cref="PromotionCode"/>): the prefix, grouping separators and
/// letter case do not matter when a shopper types one.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class ClaimCodeFormat
{
    /// <summary>The default alphabet: digits and upper-case letters without any two that look alike: no 0, 1, B, I,
    /// O, S or Z, so at most one of each look-alike set (0/O/Q, 1/I/L, 2/Z, 5/S, 8/B); 29 characters, a prime.</summary>
    public const string DefaultAlphabet = "23456789ACDEFGHJKLMNPQRTUVWXY";

    private readonly int[] _indexOf;
    private readonly int _fieldBits;
    private readonly char[]? _folding;

    /// <summary>Initializes a new instance of the <see cref="ClaimCodeFormat"/> class.</summary>
    /// <param name="length">Random characters per code, not counting the prefix or the check character; 4 to 32. 9
    /// unless said (43.7 bits with the default alphabet).</param>
    /// <param name="prefix">A fixed prefix such as <c>WELCOME</c>; letters and digits only. Empty unless said.</param>
    /// <param name="groupSize">Characters per group when displayed (<c>ABCD-EFGH</c>); 0 for no grouping.</param>
    /// <param name="checkCharacter">Whether a check character is appended; <see langword="true"/> unless said.</param>
    /// <param name="alphabet">The characters codes are made of: 2 to 64 distinct upper-case letters or digits.</param>
    /// <param name="foldLookAlikes">Whether a typed character is read as the alphabet's look-alike of it: 0, O and Q;
    /// 1, I and L; 2 and Z; 5 and S; 8 and B. The alphabet may then hold at most one of each set.
    /// <see langword="false"/> unless said.</param>
    /// <exception cref="ArgumentException">The alphabet or prefix is malformed, a check character is asked for an
    /// alphabet whose size is neither a prime nor a power of two, or folding is asked for an alphabet that holds two
    /// look-alikes.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A length is out of range.</exception>
    public ClaimCodeFormat(
        int length = 9,
        string prefix = "",
        int groupSize = 4,
        bool checkCharacter = true,
        string alphabet = DefaultAlphabet,
        bool foldLookAlikes = false)
    {
        Length = Guard.InRange(length, 4, 32);
        GroupSize = Guard.InRange(groupSize, 0, 32);
        Guard.NotNull(prefix);
        Guard.NotNull(alphabet);
        if (alphabet.Length is < 2 or > 64)
        {
            throw new ArgumentException("An alphabet needs 2 to 64 characters.", nameof(alphabet));
        }

        _indexOf = new int[128];
        Array.Fill(_indexOf, -1);
        for (var i = 0; i < alphabet.Length; i++)
        {
            var c = alphabet[i];
            if (!(char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c)))
            {
                throw new ArgumentException($"An alphabet holds upper-case letters A-Z and digits only; '{c}' is neither.", nameof(alphabet));
            }

            if (_indexOf[c] >= 0)
            {
                throw new ArgumentException($"The alphabet holds '{c}' twice.", nameof(alphabet));
            }

            _indexOf[c] = i;
        }

        foreach (var c in prefix)
        {
            if (!(char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c)))
            {
                throw new ArgumentException($"A prefix holds upper-case letters A-Z and digits only; '{c}' is neither.", nameof(prefix));
            }
        }

        if (checkCharacter)
        {
            if (IsPowerOfTwo(alphabet.Length) && alphabet.Length >= 4)
            {
                _fieldBits = BitLength(alphabet.Length) - 1;
            }
            else if (!IsPrime(alphabet.Length) || alphabet.Length < 3)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"A check character needs an alphabet whose size is a prime of at least 3 or a power of two of at least 4; this one has {alphabet.Length}."),
                    nameof(alphabet));
            }
        }

        Prefix = prefix;
        HasCheckCharacter = checkCharacter;
        Alphabet = alphabet;
        _folding = foldLookAlikes ? BuildFolding(alphabet) : null;
    }

    /// <summary>Gets the default format: 9 characters of the default alphabet, grouped by 4, with a check character.</summary>
    /// <value>Codes such as <c>7KQ2-MX4P-RD</c>.</value>
    public static ClaimCodeFormat Default { get; } = new();

    /// <summary>Gets the number of random characters per code.</summary>
    /// <value>4 to 32.</value>
    public int Length { get; }

    /// <summary>Gets the fixed prefix.</summary>
    /// <value>Possibly empty.</value>
    public string Prefix { get; }

    /// <summary>Gets the number of characters per displayed group.</summary>
    /// <value>0 for no grouping.</value>
    public int GroupSize { get; }

    /// <summary>Gets a value indicating whether codes end with a check character.</summary>
    /// <value><see langword="true"/> unless said.</value>
    public bool HasCheckCharacter { get; }

    /// <summary>Gets the characters codes are made of.</summary>
    /// <value><see cref="DefaultAlphabet"/> unless said.</value>
    public string Alphabet { get; }

    /// <summary>Gets a value indicating whether typed look-alike characters are read as the alphabet's own.</summary>
    /// <value><see langword="false"/> unless said.</value>
    public bool FoldsLookAlikes => _folding is not null;

    /// <summary>Gets how many characters a normalized code of this format has: prefix, random part and check.</summary>
    /// <value>The normalized length.</value>
    public int NormalizedLength => Prefix.Length + Length + (HasCheckCharacter ? 1 : 0);

    /// <summary>Gets how many different codes the format can make.</summary>
    /// <value>The alphabet's size to the power of <see cref="Length"/>, as a double (it can be huge).</value>
    public double Capacity => Math.Pow(Alphabet.Length, Length);

    /// <summary>Gets how many bits of randomness a code's random part holds: <see cref="Length"/> times the base-2
    /// logarithm of the alphabet's size (the prefix and the check character add none).</summary>
    /// <value>43.7 for the default format.</value>
    public double EntropyBits => Length * Math.Log2(Alphabet.Length);

    /// <summary>Formats a normalized code for display: prefix, then the rest in groups (<c>WELCOME-7KQ2-MX4P-R</c>).</summary>
    /// <param name="code">A code of this format, in any form.</param>
    /// <returns>The code for display.</returns>
    /// <exception cref="ArgumentException">The code is not of this format.</exception>
    public string Display(string code)
    {
        var normalized = PromotionCode.Normalize(Guard.NotNull(code));
        if (Check(normalized) != ClaimCodeCheck.Valid)
        {
            throw new ArgumentException($"'{normalized}' is not a valid code of this format.", nameof(code));
        }

        var body = normalized[Prefix.Length..];
        var builder = new StringBuilder(Prefix);
        for (var i = 0; i < body.Length; i++)
        {
            if ((builder.Length > 0 && i == 0) || (GroupSize > 0 && i > 0 && i % GroupSize == 0))
            {
                builder.Append('-');
            }

            builder.Append(body[i]);
        }

        return builder.ToString();
    }

    /// <summary>Checks whether a code has this format's shape and, when it has one, a correct check character.</summary>
    /// <param name="code">The code in any form; it is normalized.</param>
    /// <returns><see cref="ClaimCodeCheck.Valid"/>, <see cref="ClaimCodeCheck.LikelyTypo"/> when the shape is right
    /// but the check character is not, or <see cref="ClaimCodeCheck.OtherShape"/>.</returns>
    public ClaimCodeCheck Check(string code)
    {
        if (!PromotionCode.TryNormalize(code, out var normalized, out _))
        {
            return ClaimCodeCheck.OtherShape;
        }

        normalized = Fold(normalized);
        if (normalized.Length != NormalizedLength
            || !normalized.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return ClaimCodeCheck.OtherShape;
        }

        var body = normalized.AsSpan(Prefix.Length);
        foreach (var c in body)
        {
            if (IndexOf(c) < 0)
            {
                return ClaimCodeCheck.OtherShape;
            }
        }

        if (!HasCheckCharacter)
        {
            return ClaimCodeCheck.Valid;
        }

        var interim = 0;
        foreach (var c in body)
        {
            interim = Step(interim, IndexOf(c));
        }

        return interim == 0 ? ClaimCodeCheck.Valid : ClaimCodeCheck.LikelyTypo;
    }

    /// <summary>Builds a normalized code from random symbol indices: prefix, body, and the check character.</summary>
    internal string Compose(ReadOnlySpan<int> symbols)
    {
        Span<char> buffer = stackalloc char[NormalizedLength];
        Prefix.CopyTo(buffer);
        var interim = 0;
        for (var i = 0; i < symbols.Length; i++)
        {
            buffer[Prefix.Length + i] = Alphabet[symbols[i]];
            interim = Step(interim, symbols[i]);
        }

        if (HasCheckCharacter)
        {
            buffer[^1] = Alphabet[CheckSymbol(interim)];
        }

        return new string(buffer);
    }

    /// <summary>Reads look-alike characters of a normalized code as the alphabet's own (the prefix is left alone);
    /// returns the code unchanged when the format does not fold.</summary>
    /// <param name="normalized">A normalized code.</param>
    /// <returns>The folded code.</returns>
    public string Fold(string normalized)
    {
        Guard.NotNull(normalized);
        if (_folding is null || !normalized.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return normalized;
        }

        return string.Create(normalized.Length, (normalized, Prefix.Length, _folding), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                var c = state.normalized[i];
                span[i] = i >= state.Length && c < 128 ? state._folding[c] : c;
            }
        });
    }

    private int IndexOf(char c) => c < 128 ? _indexOf[c] : -1;

    /// <summary>One step of the quasigroup: <c>interim * symbol = 2 * interim + symbol</c> in the field.</summary>
    private int Step(int interim, int symbol) =>
        _fieldBits > 0 ? TimesTwo(interim) ^ symbol : ((2 * interim) + symbol) % Alphabet.Length;

    /// <summary>The symbol <c>c</c> with <c>interim * c = 0</c>.</summary>
    private int CheckSymbol(int interim) =>
        _fieldBits > 0 ? TimesTwo(interim) : (Alphabet.Length - (2 * interim % Alphabet.Length)) % Alphabet.Length;

    /// <summary>Multiplies by x in GF(2^k), reducing by a fixed irreducible polynomial of degree k.</summary>
    private int TimesTwo(int value)
    {
        var shifted = value << 1;
        return (shifted & (1 << _fieldBits)) != 0 ? shifted ^ IrreduciblePolynomials[_fieldBits] : shifted;
    }

    // x^2+x+1, x^3+x+1, x^4+x+1, x^5+x^2+1, x^6+x+1, indexed by degree.
    private static readonly int[] IrreduciblePolynomials = [0, 0, 0b111, 0b1011, 0b10011, 0b100101, 0b1000011];

    private static bool IsPowerOfTwo(int n) => n > 0 && (n & (n - 1)) == 0;

    private static int BitLength(int n) => 32 - int.LeadingZeroCount(n);

    private static bool IsPrime(int n)
    {
        if (n < 2)
        {
            return false;
        }

        for (var d = 2; d * d <= n; d++)
        {
            if (n % d == 0)
            {
                return false;
            }
        }

        return true;
    }

    private static char[]? BuildFolding(string alphabet)
    {
        var map = new char[128];
        for (var c = 0; c < map.Length; c++)
        {
            map[c] = (char)c;
        }

        foreach (var lookAlikes in LookAlikeClasses)
        {
            var present = lookAlikes.Where(c => alphabet.Contains(c, StringComparison.Ordinal)).ToArray();
            if (present.Length > 1)
            {
                throw new ArgumentException(
                    $"Look-alike folding needs at most one of {string.Join(", ", lookAlikes)} in the alphabet; it has {string.Join(" and ", present)}.",
                    nameof(alphabet));
            }

            if (present.Length == 1)
            {
                foreach (var c in lookAlikes)
                {
                    map[c] = present[0];
                }
            }
        }

        return map;
    }

    private static readonly char[][] LookAlikeClasses = [['0', 'O', 'Q'], ['1', 'I', 'L'], ['2', 'Z'], ['5', 'S'], ['8', 'B']];

    /// <summary>Each ASCII character's look-alike key: the first of its set, or itself.</summary>
    private static readonly char[] LookAlikeMap = BuildLookAlikeMap();

    private static char[] BuildLookAlikeMap()
    {
        var map = new char[128];
        for (var c = 0; c < map.Length; c++)
        {
            map[c] = (char)c;
        }

        foreach (var set in LookAlikeClasses)
        {
            foreach (var c in set)
            {
                map[c] = set[0];
            }
        }

        return map;
    }

    /// <summary>A normalized code with every look-alike read as the first of its set (O and Q as 0, I and L as 1, Z as
    /// 2, S as 5, B as 8): two codes a shopper could confuse have the same key. Shared codes that fold look-alikes are
    /// found by this key, and the linter compares codes by it.</summary>
    internal static string LookAlikeKey(string normalized) =>
        string.Create(normalized.Length, normalized, static (span, source) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                var c = source[i];
                span[i] = c < 128 ? LookAlikeMap[c] : c;
            }
        });
}
