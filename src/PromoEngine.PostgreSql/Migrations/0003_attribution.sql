-- PromoEngine.PostgreSql migration 3: code attribution (IRedemptionReport.GetAttributionTotalsAsync).
-- Applied by PostgreSqlRedemptionLedger.MigrateAsync after migration 2; {schema} is replaced by the quoted schema name.
--
-- An order item records where its code was distributed (CodeAttribution: channel, campaign, affiliate, tags) and the
-- instant of its redemption (Redemption.At, bigint nanoseconds), so a host can report redemptions and discount per
-- affiliate straight from the ledger. Items held before this migration have no attribution and no instant: they are
-- reported under "no value", and left out of a report limited to an interval.

ALTER TABLE {schema}.order_items
    ADD COLUMN redeemed_at bigint NULL,
    ADD COLUMN attribution_channel text COLLATE "C" NULL,
    ADD COLUMN attribution_campaign text COLLATE "C" NULL,
    ADD COLUMN attribution_affiliate text COLLATE "C" NULL,
    ADD COLUMN attribution_tags text[] NOT NULL DEFAULT '{}';

-- Reports read committed orders only: their state is on the order's row.
CREATE INDEX orders_committed ON {schema}.orders (order_id) WHERE state = 2;
