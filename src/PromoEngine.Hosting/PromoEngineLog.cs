using System;
using Microsoft.Extensions.Logging;

namespace PromoEngine.Hosting;

/// <summary>PromoEngine's log events. Their ids are stable: alert on them, filter by them.</summary>
/// <remarks>1 catalog loaded, 2 catalog rejected (the old one kept), 3 one error of a rejected catalog with its
/// path, 4 catalog source unreadable, 10 reservation refused by a limit, 11 ledger unavailable.</remarks>
public static partial class PromoEngineLog
{
    /// <summary>The category every PromoEngine event is logged under.</summary>
    public const string Category = "PromoEngine";

    [LoggerMessage(EventId = 1, EventName = "CatalogLoaded", Level = LogLevel.Information,
        Message = "Loaded the promotion catalog from {Source}: {PromotionCount} promotions (version {Version}).")]
    internal static partial void CatalogLoaded(ILogger logger, string source, int promotionCount, long version);

    [LoggerMessage(EventId = 2, EventName = "CatalogRejected", Level = LogLevel.Error,
        Message = "The promotion catalog from {Source} was rejected with {ErrorCount} errors; the catalog in use (version {Version}) is kept.")]
    internal static partial void CatalogRejected(ILogger logger, string source, int errorCount, long version);

    [LoggerMessage(EventId = 3, EventName = "CatalogError", Level = LogLevel.Error,
        Message = "Catalog error in {Source}: {Error}")]
    internal static partial void CatalogError(ILogger logger, string source, string error);

    [LoggerMessage(EventId = 4, EventName = "CatalogSourceUnreadable", Level = LogLevel.Warning,
        Message = "The promotion catalog source {Source} could not be read; the catalog in use (version {Version}) is kept.")]
    internal static partial void CatalogSourceUnreadable(ILogger logger, Exception exception, string source, long version);

    [LoggerMessage(EventId = 10, EventName = "ReservationRefused", Level = LogLevel.Information,
        Message = "Order {OrderId} was refused by {FailureCount} limits, the first {Reason}.")]
    internal static partial void ReservationRefused(ILogger logger, string orderId, int failureCount, RejectionReason reason);

    [LoggerMessage(EventId = 11, EventName = "LedgerUnavailable", Level = LogLevel.Warning,
        Message = "The redemption ledger could not be reached during {Operation} of order {OrderId}.")]
    internal static partial void LedgerUnavailable(ILogger logger, Exception exception, string operation, string orderId);
}
