-- PromoEngine.PostgreSql migration 1: the redemption ledger's tables.
-- Applied by PostgreSqlRedemptionLedger.MigrateAsync inside one transaction, after it has taken an advisory lock and
-- created the schema; {schema} is replaced by the quoted schema name. Never edit a shipped migration: add the next one.
--
-- Counting: the *_usage rows hold the committed uses (and spend) only; the uses a live reservation holds are the
-- order_items rows whose held_until is after the ledger's clock. So an expired reservation stops counting the moment
-- its time is up, with no sweeper. Every reserve, commit and release locks the *_usage rows it touches
-- (SELECT ... FOR UPDATE, in one global order), which is what makes the two parts consistent.
--
-- Instants are bigint nanoseconds since the Unix epoch (exact for NodaTime's Instant between the years 1678 and
-- 2262; timestamptz would round to microseconds and break "a retried reserve returns the same expiry").
-- Money is numeric (exact) with its currency's code and minor units beside it.

CREATE TABLE {schema}.promotion_usage (
    promotion_id text COLLATE "C" PRIMARY KEY,
    uses integer NOT NULL DEFAULT 0 CHECK (uses >= 0),
    spent numeric NOT NULL DEFAULT 0,
    -- Null until the promotion is first reserved: until then its spend is "nothing recorded".
    currency text NULL,
    minor_units smallint NULL
);

CREATE TABLE {schema}.code_usage (
    code text COLLATE "C" PRIMARY KEY,
    uses integer NOT NULL DEFAULT 0 CHECK (uses >= 0)
);

CREATE TABLE {schema}.customer_usage (
    promotion_id text COLLATE "C" NOT NULL,
    customer_id text COLLATE "C" NOT NULL,
    uses integer NOT NULL DEFAULT 0 CHECK (uses >= 0),
    PRIMARY KEY (promotion_id, customer_id)
);

-- state: 1 reserved (expired once expires_at <= the ledger's clock), 2 committed, 3 released.
CREATE TABLE {schema}.orders (
    order_id text COLLATE "C" PRIMARY KEY,
    state smallint NOT NULL CHECK (state IN (1, 2, 3)),
    expires_at bigint NULL
);

CREATE TABLE {schema}.order_items (
    order_id text COLLATE "C" NOT NULL REFERENCES {schema}.orders (order_id) ON DELETE CASCADE,
    position integer NOT NULL,
    promotion_id text COLLATE "C" NOT NULL,
    code text COLLATE "C" NULL,
    customer_id text COLLATE "C" NULL,
    amount numeric NOT NULL,
    currency text NOT NULL,
    minor_units smallint NOT NULL,
    -- The reservation's expiry while it is reserved; null once committed or released.
    held_until bigint NULL,
    PRIMARY KEY (order_id, position)
);

CREATE INDEX order_items_held_by_promotion ON {schema}.order_items (promotion_id, held_until) WHERE held_until IS NOT NULL;
CREATE INDEX order_items_held_by_code ON {schema}.order_items (code, held_until) WHERE held_until IS NOT NULL AND code IS NOT NULL;
CREATE INDEX order_items_held_by_customer ON {schema}.order_items (promotion_id, customer_id, held_until)
    WHERE held_until IS NOT NULL AND customer_id IS NOT NULL;
