namespace PromoEngine;

/// <summary>Where an order's reservation stands in the ledger.</summary>
public enum ReservationState
{
    /// <summary>The ledger has never seen the order.</summary>
    None = 0,

    /// <summary>Reserved: the uses are held until committed, released, or the reservation expires.</summary>
    Reserved = 1,

    /// <summary>Committed: the order was placed and the uses count for good (until released by a return).</summary>
    Committed = 2,

    /// <summary>Released: the order was cancelled or returned, and its uses were given back.</summary>
    Released = 3,

    /// <summary>Expired: it was not committed in time, and its uses were given back.</summary>
    Expired = 4,
}
