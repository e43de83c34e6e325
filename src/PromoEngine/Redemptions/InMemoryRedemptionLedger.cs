using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;
using PromoEngine.Internal;

namespace PromoEngine;

/// <summary>A thread-safe, linearizable ledger held in memory: for tests, demos and single-process hosts.</summary>
/// <remarks>
/// <para>Every operation runs under one lock, so each takes effect at one instant between its call and its return
/// (linearizable): concurrent reservations can never oversell a limit. Expired reservations are given back at the
/// start of every operation, as measured by the injected clock.</para>
/// <para>It keeps everything in memory and forgets it when the process ends; hosts with more than one process need a
/// ledger backed by their database, checked with the same contract tests.</para>
/// </remarks>
public sealed class InMemoryRedemptionLedger : IRedemptionLedger, IRedemptionReport
{
    private readonly object _gate = new();
    private readonly IClock _clock;
    private readonly Dictionary<string, Order> _orders = new(StringComparer.Ordinal);
    private readonly PriorityQueue<string, Instant> _expiries = new();
    private readonly Dictionary<PromotionId, int> _promotionUses = [];
    private readonly Dictionary<string, int> _codeUses = new(StringComparer.Ordinal);
    private readonly Dictionary<(PromotionId, string), int> _customerUses = [];
    private readonly Dictionary<PromotionId, Money> _spent = [];

    /// <summary>Initializes a new instance of the <see cref="InMemoryRedemptionLedger"/> class.</summary>
    /// <param name="clock">The clock reservations expire by.</param>
    /// <param name="reservationTimeout">How long a reservation is held unless committed; more than zero.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reservationTimeout"/> is not positive.</exception>
    public InMemoryRedemptionLedger(IClock clock, Duration reservationTimeout)
    {
        _clock = Guard.NotNull(clock);
        if (reservationTimeout <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(reservationTimeout), reservationTimeout, "A reservation timeout must be more than zero.");
        }

        ReservationTimeout = reservationTimeout;
    }

    /// <summary>Gets how long a reservation is held unless committed.</summary>
    /// <value>As given.</value>
    public Duration ReservationTimeout { get; }

    /// <inheritdoc/>
    public ValueTask<ReservationResult> ReserveAsync(ReservationRequest request, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var now = Sweep();
            if (_orders.TryGetValue(request.OrderId, out var existing) && existing.State is ReservationState.Reserved or ReservationState.Committed)
            {
                if (!existing.SameItems(request))
                {
                    throw new InvalidOperationException(
                        $"The order {request.OrderId} already holds a different reservation; release it before reserving again.");
                }

                return ValueTask.FromResult(Result(existing, []));
            }

            var failures = ImmutableArray.CreateBuilder<ReservationFailure>();
            foreach (var (redemption, limits) in request.Items)
            {
                if (Check(redemption, limits) is { } failure)
                {
                    failures.Add(failure);
                }
            }

            if (failures.Count > 0)
            {
                return ValueTask.FromResult(new ReservationResult(request.OrderId, existing?.State ?? ReservationState.None, null, failures.ToImmutable()));
            }

            var order = new Order(request, now + ReservationTimeout);
            _orders[request.OrderId] = order;
            _expiries.Enqueue(request.OrderId, order.ExpiresAt);
            Count(order, +1);
            return ValueTask.FromResult(Result(order, []));
        }
    }

    /// <inheritdoc/>
    public ValueTask<ReservationState> CommitAsync(string orderId, CancellationToken cancellationToken = default) =>
        Change(orderId, cancellationToken, order =>
        {
            if (order.State == ReservationState.Reserved)
            {
                order.State = ReservationState.Committed;
            }
        });

    /// <inheritdoc/>
    public ValueTask<ReservationState> ReleaseAsync(string orderId, CancellationToken cancellationToken = default) =>
        Change(orderId, cancellationToken, order =>
        {
            if (order.State is ReservationState.Reserved or ReservationState.Committed)
            {
                Count(order, -1);
                order.State = ReservationState.Released;
            }
        });

    /// <inheritdoc/>
    public ValueTask<ReservationState> ReturnAsync(string orderId, LedgerReturn orderReturn, CancellationToken cancellationToken = default)
    {
        var id = Text.Identifier(orderId);
        Guard.NotNull(orderReturn);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            Sweep();
            if (!_orders.TryGetValue(id, out var order) || order.State != ReservationState.Committed)
            {
                return ValueTask.FromResult(order?.State ?? ReservationState.None);
            }

            if (order.Returns.TryGetValue(orderReturn.ReturnId, out var recorded))
            {
                return recorded == orderReturn
                    ? ValueTask.FromResult(order.State)
                    : throw new InvalidOperationException(
                        $"The order {id} already recorded the return {orderReturn.ReturnId} with other content; a new return needs a new id.");
            }

            // Every check first, so a refused return changes nothing.
            var items = new int[orderReturn.GiveBacks.Length];
            for (var k = 0; k < items.Length; k++)
            {
                var giveBack = orderReturn.GiveBacks[k];
                items[k] = order.Items.IndexOf(order.Items.FirstOrDefault(item => item.Redemption.PromotionId == giveBack.PromotionId));
                if (items[k] < 0)
                {
                    throw new ArgumentException($"The order {id} did not redeem the promotion {giveBack.PromotionId}.", nameof(orderReturn));
                }

                var amount = order.Items[items[k]].Redemption.Amount;
                if (giveBack.Spend.Currency != amount.Currency)
                {
                    throw new CurrencyMismatchException(amount.Currency, giveBack.Spend.Currency, nameof(orderReturn));
                }

                if (order.SpendReturned[items[k]] + giveBack.Spend > amount)
                {
                    throw new ArgumentException(
                        $"The return {orderReturn.ReturnId} gives back {giveBack.Spend} of the promotion {giveBack.PromotionId}, but the order has only {amount - order.SpendReturned[items[k]]} of it left.",
                        nameof(orderReturn));
                }
            }

            for (var k = 0; k < items.Length; k++)
            {
                var giveBack = orderReturn.GiveBacks[k];
                var redemption = order.Items[items[k]].Redemption;
                order.SpendReturned[items[k]] += giveBack.Spend;
                _spent[redemption.PromotionId] -= giveBack.Spend;
                if (giveBack.NoLongerUsed && !order.UseReturned[items[k]])
                {
                    order.UseReturned[items[k]] = true;
                    CountUse(redemption, -1);
                }
            }

            order.Returns[orderReturn.ReturnId] = orderReturn;
            return ValueTask.FromResult(order.State);
        }
    }

    /// <inheritdoc/>
    public ValueTask<ReservationState> GetStateAsync(string orderId, CancellationToken cancellationToken = default) =>
        Change(orderId, cancellationToken, change: null);

    /// <inheritdoc/>
    /// <remarks>Costs time in proportion to what is asked, and holds the lock only to copy those counters.</remarks>
    public ValueTask<UsageSnapshot> GetUsageAsync(UsageRequest request, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var promotions = new KeyValuePair<PromotionId, int>[request.Promotions.Length];
        var codes = new KeyValuePair<string, int>[request.Codes.Length];
        var customers = request.CustomerId is null ? [] : new KeyValuePair<(PromotionId, string), int>[request.Promotions.Length];
        var spent = new List<KeyValuePair<PromotionId, Money>>();
        lock (_gate)
        {
            Sweep();
            for (var i = 0; i < promotions.Length; i++)
            {
                var id = request.Promotions[i];
                promotions[i] = new(id, _promotionUses.GetValueOrDefault(id));
                if (_spent.TryGetValue(id, out var amount))
                {
                    spent.Add(new(id, amount));
                }

                if (request.CustomerId is { } customer)
                {
                    customers[i] = new((id, customer), _customerUses.GetValueOrDefault((id, customer)));
                }
            }

            for (var i = 0; i < codes.Length; i++)
            {
                codes[i] = new(request.Codes[i], _codeUses.GetValueOrDefault(request.Codes[i]));
            }
        }

        return ValueTask.FromResult(UsageSnapshot.Canonical(promotions, codes, customers, spent));
    }

    /// <inheritdoc/>
    /// <remarks>Costs time in proportion to the orders held: for tests, demos and small hosts.</remarks>
    public ValueTask<ImmutableArray<AttributionTotal>> GetAttributionTotalsAsync(
        AttributionDimension by, Interval? redeemedDuring = null, CancellationToken cancellationToken = default)
    {
        AttributionReport.CheckDimension(by);
        cancellationToken.ThrowIfCancellationRequested();
        var report = new AttributionReport(by);
        lock (_gate)
        {
            Sweep();
            foreach (var order in _orders.Values)
            {
                if (order.State != ReservationState.Committed)
                {
                    continue;
                }

                for (var k = 0; k < order.Items.Length; k++)
                {
                    var redemption = order.Items[k].Redemption;
                    if (redeemedDuring is not { } during || during.Contains(redemption.At))
                    {
                        report.Add(redemption.Attribution, order.UseReturned[k] ? 0 : 1, redemption.Amount - order.SpendReturned[k]);
                    }
                }
            }
        }

        return ValueTask.FromResult(report.ToTotals());
    }

    /// <summary>Applies a change to an order's reservation under the lock, after expiring what is due; returns the
    /// order's state afterwards (<see cref="ReservationState.None"/> for an unknown order).</summary>
    private ValueTask<ReservationState> Change(string orderId, CancellationToken cancellationToken, Action<Order>? change)
    {
        var id = Text.Identifier(orderId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            Sweep();
            if (!_orders.TryGetValue(id, out var order))
            {
                return ValueTask.FromResult(ReservationState.None);
            }

            change?.Invoke(order);
            return ValueTask.FromResult(order.State);
        }
    }

    /// <summary>Gives back every reservation whose time is up; returns the clock's instant.</summary>
    private Instant Sweep()
    {
        var now = _clock.GetCurrentInstant();
        while (_expiries.TryPeek(out var orderId, out var expiresAt) && expiresAt <= now)
        {
            _expiries.Dequeue();
            if (_orders.TryGetValue(orderId, out var order) && order.State == ReservationState.Reserved && order.ExpiresAt == expiresAt)
            {
                Count(order, -1);
                order.State = ReservationState.Expired;
            }
        }

        return now;
    }

    private ReservationFailure? Check(Redemption redemption, RedemptionLimits limits)
    {
        var id = redemption.PromotionId;
        return LimitCheck.Check(
            redemption,
            limits,
            _promotionUses.GetValueOrDefault(id),
            redemption.Code is { } code ? _codeUses.GetValueOrDefault(code) : 0,
            redemption.CustomerId is { } customer ? _customerUses.GetValueOrDefault((id, customer)) : 0,
            _spent.TryGetValue(id, out var spent) ? spent : null);
    }

    /// <summary>Counts an order's redemptions in (+1) or out (-1); out counts only what its returns left: the uses not
    /// given back and the spend not given back.</summary>
    private void Count(Order order, int sign)
    {
        for (var k = 0; k < order.Items.Length; k++)
        {
            var redemption = order.Items[k].Redemption;
            if (!order.UseReturned[k])
            {
                CountUse(redemption, sign);
            }

            var id = redemption.PromotionId;
            var spent = _spent.TryGetValue(id, out var s) ? s : Money.Zero(redemption.Amount.Currency);
            _spent[id] = sign > 0 ? spent + redemption.Amount : spent - (redemption.Amount - order.SpendReturned[k]);
        }
    }

    private void CountUse(Redemption redemption, int sign)
    {
        var id = redemption.PromotionId;
        _promotionUses[id] = _promotionUses.GetValueOrDefault(id) + sign;
        if (redemption.Code is { } code)
        {
            _codeUses[code] = _codeUses.GetValueOrDefault(code) + sign;
        }

        if (redemption.CustomerId is { } customer)
        {
            _customerUses[(id, customer)] = _customerUses.GetValueOrDefault((id, customer)) + sign;
        }
    }

    private ReservationResult Result(Order order, ImmutableArray<ReservationFailure> failures) =>
        new(order.Id, order.State, order.State == ReservationState.Reserved ? order.ExpiresAt : null, failures);

    /// <summary>One order's reservation; mutated only under the ledger's lock.</summary>
    private sealed class Order(ReservationRequest request, Instant expiresAt)
    {
        public string Id { get; } = request.OrderId;

        public ImmutableArray<(Redemption Redemption, RedemptionLimits Limits)> Items { get; } = request.Items;

        public Instant ExpiresAt { get; } = expiresAt;

        public ReservationState State { get; set; } = ReservationState.Reserved;

        /// <summary>Per redemption: the spend its returns gave back.</summary>
        public Money[] SpendReturned { get; } = [.. request.Items.Select(item => Money.Zero(item.Redemption.Amount.Currency))];

        /// <summary>Per redemption: whether a return gave its use back.</summary>
        public bool[] UseReturned { get; } = new bool[request.Items.Length];

        /// <summary>The returns recorded, by id.</summary>
        public Dictionary<string, LedgerReturn> Returns { get; } = new(StringComparer.Ordinal);

        public bool SameItems(ReservationRequest other) =>
            Items.Length == other.Items.Length
            && Items.Zip(other.Items).All(pair =>
                pair.First.Redemption.PromotionId == pair.Second.Redemption.PromotionId
                && pair.First.Redemption.Code == pair.Second.Redemption.Code
                && pair.First.Redemption.CustomerId == pair.Second.Redemption.CustomerId
                && pair.First.Redemption.Amount == pair.Second.Redemption.Amount);
    }
}
