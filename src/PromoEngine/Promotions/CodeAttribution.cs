using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>Where a code or a batch of claim codes was distributed: the channel, the campaign, the affiliate or creator
/// who shares it, and free-form tags. Every redemption of the code records it, so a host can report redemptions and
/// discount per affiliate (or channel, campaign, tag) straight from the ledger (see <see cref="IRedemptionReport"/>).</summary>
/// <remarks>Immutable and thread-safe, with value equality: two attributions are equal when their channel, campaign and
/// affiliate are equal (ordinal) and they hold the same tags. Tags are kept sorted (ordinal) without duplicates.</remarks>
public sealed class CodeAttribution : IEquatable<CodeAttribution>
{
    /// <summary>Initializes a new instance of the <see cref="CodeAttribution"/> class.</summary>
    /// <param name="channel">Where the code was published, such as <c>instagram</c> or <c>coupon-page</c>; trimmed.</param>
    /// <param name="campaign">The marketing campaign, such as <c>black-friday-2026</c>; trimmed.</param>
    /// <param name="affiliate">The affiliate's or creator's id; trimmed.</param>
    /// <param name="tags">Free-form tags; each trimmed, duplicates dropped.</param>
    /// <exception cref="ArgumentException">A value is empty, longer than 200 characters or holds a control character,
    /// or nothing at all is given (an attribution says something).</exception>
    public CodeAttribution(string? channel = null, string? campaign = null, string? affiliate = null, IEnumerable<string>? tags = null)
    {
        Channel = channel is null ? null : Text.Identifier(channel);
        Campaign = campaign is null ? null : Text.Identifier(campaign);
        Affiliate = affiliate is null ? null : Text.Identifier(affiliate);
        Tags = Text.Identifiers(tags);
        if (Channel is null && Campaign is null && Affiliate is null && Tags.IsEmpty)
        {
            throw new ArgumentException("An attribution needs a channel, a campaign, an affiliate or a tag.", nameof(channel));
        }
    }

    /// <summary>Gets where the code was published.</summary>
    /// <value><see langword="null"/> unless given.</value>
    public string? Channel { get; }

    /// <summary>Gets the marketing campaign.</summary>
    /// <value><see langword="null"/> unless given.</value>
    public string? Campaign { get; }

    /// <summary>Gets the affiliate's or creator's id.</summary>
    /// <value><see langword="null"/> unless given.</value>
    public string? Affiliate { get; }

    /// <summary>Gets the free-form tags.</summary>
    /// <value>Sorted (ordinal), without duplicates; possibly empty.</value>
    public ImmutableArray<string> Tags { get; }

    /// <summary>Gets the values of one dimension: the channel, campaign or affiliate (none or one), or the tags.</summary>
    /// <param name="dimension">The dimension.</param>
    /// <returns>The values; empty when this attribution says nothing of the dimension.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> is not a defined value.</exception>
    public ImmutableArray<string> ValuesOf(AttributionDimension dimension) => dimension switch
    {
        AttributionDimension.Channel => Channel is null ? [] : [Channel],
        AttributionDimension.Campaign => Campaign is null ? [] : [Campaign],
        AttributionDimension.Affiliate => Affiliate is null ? [] : [Affiliate],
        AttributionDimension.Tag => Tags,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "Not a defined AttributionDimension value."),
    };

    /// <summary>Compares two attributions by value.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(CodeAttribution? left, CodeAttribution? right) => Equals(left, right);

    /// <summary>Compares two attributions by value.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(CodeAttribution? left, CodeAttribution? right) => !Equals(left, right);

    /// <inheritdoc/>
    public bool Equals(CodeAttribution? other) =>
        other is not null
        && string.Equals(Channel, other.Channel, StringComparison.Ordinal)
        && string.Equals(Campaign, other.Campaign, StringComparison.Ordinal)
        && string.Equals(Affiliate, other.Affiliate, StringComparison.Ordinal)
        && Tags.SequenceEqual(other.Tags, StringComparer.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as CodeAttribution);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Channel, StringComparer.Ordinal);
        hash.Add(Campaign, StringComparer.Ordinal);
        hash.Add(Affiliate, StringComparer.Ordinal);
        foreach (var tag in Tags)
        {
            hash.Add(tag, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc/>
    public override string ToString() =>
        string.Join(", ", new[] { ("channel", Channel), ("campaign", Campaign), ("affiliate", Affiliate), ("tags", Tags.IsEmpty ? null : string.Join(" ", Tags)) }
            .Where(p => p.Item2 is not null).Select(p => p.Item1 + " " + p.Item2));
}
