-- PromoEngine.PostgreSql migration 2: partial returns of committed orders (IRedemptionLedger.ReturnAsync).
-- Applied by PostgreSqlRedemptionLedger.MigrateAsync after migration 1; {schema} is replaced by the quoted schema name.
--
-- An order item records what its order's returns gave back: spend (subtracted from the promotion's committed spend)
-- and, once, its use (subtracted from the promotion's, the code's and the customer's committed uses). A release after
-- returns gives back only what is left. Each return is recorded by its id with its content, so that the same return
-- again changes nothing and another content under the same id is refused.

ALTER TABLE {schema}.order_items
    ADD COLUMN spend_returned numeric NOT NULL DEFAULT 0 CHECK (spend_returned >= 0),
    ADD COLUMN use_returned boolean NOT NULL DEFAULT false;

CREATE TABLE {schema}.order_returns (
    order_id text COLLATE "C" NOT NULL REFERENCES {schema}.orders (order_id) ON DELETE CASCADE,
    return_id text COLLATE "C" NOT NULL,
    -- The return's give-backs in a canonical text form: promotion, spend, currency and "no longer used", in order.
    content text NOT NULL,
    PRIMARY KEY (order_id, return_id)
);
