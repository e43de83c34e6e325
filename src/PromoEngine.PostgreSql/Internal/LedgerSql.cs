namespace PromoEngine.PostgreSql.Internal;

/// <summary>The ledger's statements, written once for a schema (its quoted name is spliced in; everything else is a
/// parameter).</summary>
/// <remarks>Implementation note: every statement that locks counter rows sorts them (<c>ORDER BY ... FOR UPDATE</c>
/// locks in the sort order, since the lock step runs above the sort), always promotions, then codes, then customers,
/// and always after the order's own row: one global order, so two transactions can never wait on each other in a
/// cycle. The reads of held uses are separate statements after the locks, so under READ COMMITTED they see every
/// change committed before the locks were granted.</remarks>
internal sealed class LedgerSql
{
    public LedgerSql(string quotedSchema)
    {
        var s = quotedSchema;
        EnsureCounters =
        [
            $"INSERT INTO {s}.promotion_usage (promotion_id) SELECT DISTINCT p FROM unnest($1::text[]) AS t(p) ORDER BY p ON CONFLICT DO NOTHING",
            $"INSERT INTO {s}.code_usage (code) SELECT DISTINCT c FROM unnest($1::text[]) AS t(c) ORDER BY c ON CONFLICT DO NOTHING",
            $"INSERT INTO {s}.customer_usage (promotion_id, customer_id) SELECT DISTINCT p, c FROM unnest($1::text[], $2::text[]) AS t(p, c) ORDER BY p, c ON CONFLICT DO NOTHING",
        ];
        ClaimOrder = $"INSERT INTO {s}.orders (order_id, state, expires_at) VALUES ($1, 1, $2) ON CONFLICT DO NOTHING RETURNING 1";
        LockOrder = $"SELECT state, expires_at FROM {s}.orders WHERE order_id = $1 FOR UPDATE";
        ReadOrder = $"SELECT state, expires_at FROM {s}.orders WHERE order_id = $1";
        ReadItems = $"SELECT promotion_id, code, customer_id, amount, currency, minor_units FROM {s}.order_items WHERE order_id = $1 ORDER BY position";
        LockPromotions = $"SELECT promotion_id, uses, spent, currency, minor_units FROM {s}.promotion_usage WHERE promotion_id = ANY($1) ORDER BY promotion_id FOR UPDATE";
        LockCodes = $"SELECT code, uses FROM {s}.code_usage WHERE code = ANY($1) ORDER BY code FOR UPDATE";
        LockCustomers =
            $"SELECT promotion_id, customer_id, uses FROM {s}.customer_usage WHERE (promotion_id, customer_id) IN (SELECT p, c FROM unnest($1::text[], $2::text[]) AS t(p, c)) "
            + "ORDER BY promotion_id, customer_id FOR UPDATE";
        HeldByPromotion = $"SELECT promotion_id, count(*)::int, coalesce(sum(amount), 0) FROM {s}.order_items WHERE promotion_id = ANY($1) AND held_until > $2 GROUP BY promotion_id";
        HeldByCode = $"SELECT code, count(*)::int FROM {s}.order_items WHERE code = ANY($1) AND held_until > $2 GROUP BY code";
        HeldByCustomer =
            $"SELECT i.promotion_id, i.customer_id, count(*)::int FROM {s}.order_items i JOIN unnest($1::text[], $2::text[]) AS t(p, c) ON i.promotion_id = t.p AND i.customer_id = t.c "
            + "WHERE i.held_until > $3 GROUP BY i.promotion_id, i.customer_id";
        Hold =
        [
            $"UPDATE {s}.orders SET state = 1, expires_at = $2 WHERE order_id = $1",
            $"DELETE FROM {s}.order_items WHERE order_id = $1",
            // Tags travel as one text per item, joined by U+001F (a control character, which no tag may hold).
            $"INSERT INTO {s}.order_items (order_id, position, promotion_id, code, customer_id, amount, currency, minor_units, held_until, "
                + "redeemed_at, attribution_channel, attribution_campaign, attribution_affiliate, attribution_tags) "
                + "SELECT $1, t.position, t.p, t.c, t.u, t.a, t.cur, t.mu, $2, t.at, t.ch, t.ca, t.af, coalesce(string_to_array(t.tg, chr(31)), '{}') "
                + "FROM unnest($3::int[], $4::text[], $5::text[], $6::text[], $7::numeric[], $8::text[], $9::smallint[], $10::bigint[], $11::text[], $12::text[], $13::text[], $14::text[]) "
                + "AS t(position, p, c, u, a, cur, mu, at, ch, ca, af, tg)",
            $"UPDATE {s}.promotion_usage AS u SET currency = t.cur, minor_units = t.mu FROM unnest($1::text[], $2::text[], $3::smallint[]) AS t(p, cur, mu) "
                + "WHERE u.promotion_id = t.p AND u.currency IS NULL",
        ];
        LockOrderCounters =
        [
            $"SELECT 1 FROM {s}.promotion_usage WHERE promotion_id IN (SELECT promotion_id FROM {s}.order_items WHERE order_id = $1) ORDER BY promotion_id FOR UPDATE",
            $"SELECT 1 FROM {s}.code_usage WHERE code IN (SELECT code FROM {s}.order_items WHERE order_id = $1) ORDER BY code FOR UPDATE",
            $"SELECT 1 FROM {s}.customer_usage WHERE (promotion_id, customer_id) IN (SELECT promotion_id, customer_id FROM {s}.order_items WHERE order_id = $1) "
                + "ORDER BY promotion_id, customer_id FOR UPDATE",
        ];

        // $2 is +1 (a reservation committed), -1 (a commitment released) or 0 (a live reservation released: its held
        // uses simply stop being held); the last statement takes the order's new state as $2.
        // What returns gave back already is not given back again (before a commit nothing was returned).
        Settle =
        [
            $"UPDATE {s}.promotion_usage AS u SET uses = u.uses + $2 * d.n, spent = u.spent + $2 * d.total "
                + $"FROM (SELECT promotion_id, count(*) FILTER (WHERE NOT use_returned)::int AS n, sum(amount - spend_returned) AS total FROM {s}.order_items WHERE order_id = $1 GROUP BY promotion_id) AS d "
                + "WHERE $2 <> 0 AND u.promotion_id = d.promotion_id",
            $"UPDATE {s}.code_usage AS u SET uses = u.uses + $2 * d.n "
                + $"FROM (SELECT code, count(*)::int AS n FROM {s}.order_items WHERE order_id = $1 AND code IS NOT NULL AND NOT use_returned GROUP BY code) AS d "
                + "WHERE $2 <> 0 AND u.code = d.code",
            $"UPDATE {s}.customer_usage AS u SET uses = u.uses + $2 * d.n "
                + $"FROM (SELECT promotion_id, customer_id, count(*)::int AS n FROM {s}.order_items WHERE order_id = $1 AND customer_id IS NOT NULL AND NOT use_returned GROUP BY promotion_id, customer_id) AS d "
                + "WHERE $2 <> 0 AND u.promotion_id = d.promotion_id AND u.customer_id = d.customer_id",
            $"UPDATE {s}.order_items SET held_until = NULL WHERE order_id = $1",
            $"UPDATE {s}.orders SET state = $2, expires_at = NULL WHERE order_id = $1",
        ];

        ReadReturn = $"SELECT content FROM {s}.order_returns WHERE order_id = $1 AND return_id = $2";
        ReadReturnItems = $"SELECT position, promotion_id, code, customer_id, amount, currency, minor_units, spend_returned, use_returned FROM {s}.order_items WHERE order_id = $1 ORDER BY position";

        // $1 order, $2 position, $3 spend given back, $4 whether its use is given back now (first time only).
        GiveBack =
        [
            $"UPDATE {s}.order_items SET spend_returned = spend_returned + $3, use_returned = use_returned OR $4 WHERE order_id = $1 AND position = $2",
            $"UPDATE {s}.promotion_usage AS u SET spent = u.spent - $3, uses = u.uses - CASE WHEN $4 THEN 1 ELSE 0 END "
                + $"FROM {s}.order_items AS i WHERE i.order_id = $1 AND i.position = $2 AND u.promotion_id = i.promotion_id",
            $"UPDATE {s}.code_usage AS u SET uses = u.uses - 1 FROM {s}.order_items AS i WHERE $4 AND i.order_id = $1 AND i.position = $2 AND u.code = i.code",
            $"UPDATE {s}.customer_usage AS u SET uses = u.uses - 1 FROM {s}.order_items AS i "
                + "WHERE $4 AND i.order_id = $1 AND i.position = $2 AND u.promotion_id = i.promotion_id AND u.customer_id = i.customer_id",
        ];
        RecordReturn = $"INSERT INTO {s}.order_returns (order_id, return_id, content) VALUES ($1, $2, $3)";

        // Committed items grouped by one value of their attribution (the tags unnested: an item counts under each) and
        // currency, within an optional half-open interval of redemption instants ($1 start, $2 end; null for open).
        string Report(string key) =>
            $"SELECT k.key, i.currency, i.minor_units, (count(*) FILTER (WHERE NOT i.use_returned))::int, sum(i.amount - i.spend_returned) "
            + $"FROM {s}.order_items AS i JOIN {s}.orders AS o ON o.order_id = i.order_id AND o.state = 2 "
            + $"{key} "
            + "WHERE ($1::bigint IS NULL OR i.redeemed_at >= $1::bigint) AND ($2::bigint IS NULL OR i.redeemed_at < $2::bigint) "
            + "GROUP BY k.key, i.currency, i.minor_units";
        ReportByChannel = Report("CROSS JOIN LATERAL (SELECT i.attribution_channel) AS k(key)");
        ReportByCampaign = Report("CROSS JOIN LATERAL (SELECT i.attribution_campaign) AS k(key)");
        ReportByAffiliate = Report("CROSS JOIN LATERAL (SELECT i.attribution_affiliate) AS k(key)");
        ReportByTag = Report("LEFT JOIN LATERAL unnest(i.attribution_tags) AS k(key) ON true");

        // One statement, so one snapshot: the counts of a usage read are consistent with each other.
        Usage =
            $"SELECT 0, p.id, NULL::text, coalesce(u.uses, 0) + coalesce(h.n, 0), coalesce(u.spent, 0) + coalesce(h.total, 0), u.currency, u.minor_units "
            + $"FROM unnest($1::text[]) AS p(id) LEFT JOIN {s}.promotion_usage AS u ON u.promotion_id = p.id "
            + $"LEFT JOIN LATERAL (SELECT count(*)::int AS n, sum(i.amount) AS total FROM {s}.order_items AS i WHERE i.promotion_id = p.id AND i.held_until > $4) AS h ON true "
            + "UNION ALL "
            + $"SELECT 1, c.code, NULL, coalesce(u.uses, 0) + (SELECT count(*)::int FROM {s}.order_items AS i WHERE i.code = c.code AND i.held_until > $4), NULL, NULL, NULL "
            + $"FROM unnest($2::text[]) AS c(code) LEFT JOIN {s}.code_usage AS u ON u.code = c.code "
            + "UNION ALL "
            + "SELECT 2, p.id, $3, coalesce(u.uses, 0) "
            + $"+ (SELECT count(*)::int FROM {s}.order_items AS i WHERE i.promotion_id = p.id AND i.customer_id = $3 AND i.held_until > $4), NULL, NULL, NULL "
            + $"FROM unnest($1::text[]) AS p(id) LEFT JOIN {s}.customer_usage AS u ON u.promotion_id = p.id AND u.customer_id = $3 "
            + "WHERE $3::text IS NOT NULL";
    }

    public string[] EnsureCounters { get; }

    public string ClaimOrder { get; }

    public string LockOrder { get; }

    public string ReadOrder { get; }

    public string ReadItems { get; }

    public string LockPromotions { get; }

    public string LockCodes { get; }

    public string LockCustomers { get; }

    public string HeldByPromotion { get; }

    public string HeldByCode { get; }

    public string HeldByCustomer { get; }

    public string[] Hold { get; }

    public string[] LockOrderCounters { get; }

    public string[] Settle { get; }

    public string Usage { get; }

    public string ReadReturn { get; }

    public string ReadReturnItems { get; }

    public string[] GiveBack { get; }

    public string RecordReturn { get; }

    public string ReportByChannel { get; }

    public string ReportByCampaign { get; }

    public string ReportByAffiliate { get; }

    public string ReportByTag { get; }
}
