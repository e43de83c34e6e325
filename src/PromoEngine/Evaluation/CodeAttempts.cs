namespace PromoEngine;

/// <summary>What the codes entered for one evaluation came to, counted for a host's rate limiter: how many were
/// entered, and how many of them matched no code (unknown), could not be read as a code (malformed), or had the shape
/// of a claim code with a wrong check character (likely typos).</summary>
/// <remarks>
/// <para>Counts are of distinct entries: repeats (after normalization, or with the same rendering when malformed) are
/// not counted again. A code that matched a promotion is not a failed attempt, whatever became of the promotion
/// (expired, already redeemed, not eligible...). The codes of the customer's wallet (<see cref="CustomerProfile.Wallet"/>)
/// are not counted at all: the shopper did not type them.</para>
/// <para>The counts are true even under <see cref="EvaluationOptions.HideCodeStatus"/>, where an expired code is shown
/// to the shopper as unknown but is not counted as unknown here: they are for the host, not for the shopper.</para>
/// <para>Immutable and thread-safe, with value equality.</para>
/// </remarks>
public sealed record CodeAttempts
{
    internal CodeAttempts(int entered, int unknown, int malformed, int likelyTypos)
    {
        Entered = entered;
        Unknown = unknown;
        Malformed = malformed;
        LikelyTypos = likelyTypos;
    }

    /// <summary>Gets how many distinct codes were entered.</summary>
    /// <value>Zero or more.</value>
    public int Entered { get; }

    /// <summary>Gets how many matched no code and were not likely typos (<see cref="RejectionReason.UnknownCode"/>,
    /// when the status is not hidden).</summary>
    /// <value>Zero or more.</value>
    public int Unknown { get; }

    /// <summary>Gets how many could not be read as a code (<see cref="RejectionReason.MalformedCode"/>).</summary>
    /// <value>Zero or more.</value>
    public int Malformed { get; }

    /// <summary>Gets how many had the shape of a claim code but a wrong check character
    /// (<see cref="RejectionReason.LikelyTypo"/>).</summary>
    /// <value>Zero or more.</value>
    public int LikelyTypos { get; }

    /// <summary>Gets the counts of an evaluation without codes.</summary>
    /// <value>All zero.</value>
    public static CodeAttempts None { get; } = new(0, 0, 0, 0);

    /// <summary>Gets how many entered codes found no promotion: unknown, malformed or likely typos. This is what a rate
    /// limiter counts against a session, a customer or an address.</summary>
    /// <value>From zero to <see cref="Entered"/>.</value>
    public int Failed => Unknown + Malformed + LikelyTypos;
}
