using System;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;
using PromoEngine.PostgreSql.Internal;

namespace PromoEngine.PostgreSql;

/// <summary>Reports: committed redemptions and discount per attribution, summed by the database.</summary>
public sealed partial class PostgreSqlRedemptionLedger
{
    /// <inheritdoc/>
    /// <remarks>One statement over the committed orders' items, grouped in the database; items held before migration 3
    /// have no attribution (reported under no value) and no instant (left out when an interval is given).</remarks>
    public async ValueTask<ImmutableArray<AttributionTotal>> GetAttributionTotalsAsync(
        AttributionDimension by, Interval? redeemedDuring = null, CancellationToken cancellationToken = default)
    {
        var report = new AttributionReport(by);
        cancellationToken.ThrowIfCancellationRequested();
        var sql = by switch
        {
            AttributionDimension.Channel => _sql.ReportByChannel,
            AttributionDimension.Campaign => _sql.ReportByCampaign,
            AttributionDimension.Affiliate => _sql.ReportByAffiliate,
            _ => _sql.ReportByTag,
        };
        object start = redeemedDuring is { HasStart: true } s ? Instants.ToNanoseconds(s.Start) : DBNull.Value;
        object end = redeemedDuring is { HasEnd: true } e ? Instants.ToNanoseconds(e.End) : DBNull.Value;
        return await RunAsync(
            async connection =>
            {
                await using var command = Command(connection, null, sql, start, end);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    report.AddRow(
                        reader.IsDBNull(0) ? null : reader.GetString(0),
                        reader.GetInt32(3),
                        new Money(reader.GetDecimal(4), CurrencyOf(reader.GetString(1), reader.GetInt16(2))));
                }

                return report.ToTotals();
            },
            "report redemptions by attribution",
            cancellationToken).ConfigureAwait(false);
    }
}
