using System;
using System.Linq;
using FsCheck.Xunit;
using Xunit;
using static PromoEngine.Tests.Shop;

namespace PromoEngine.Tests;

public sealed class PromotionJsonTests
{
    private const string Valid = """{ "id": "p", "name": "P", "discount": { "type": "percentOffItems", "percent": 10 } }""";

    private static string Doc(string promotion) => $$"""{ "schemaVersion": 1, "promotions": [ {{promotion}} ] }""";

    /// <summary>A valid promotion with one property replaced or added.</summary>
    private static string With(string property) => Doc($$"""{ "id": "p", "name": "P", {{property}} }""");

    public static TheoryData<string, string> Malformed() => new()
    {
        { "not json", "$: is not valid JSON" },
        { "[]", "$: must be an object, not an array." },
        { """{ "promotions": [] }""", "$.schemaVersion: is required." },
        { """{ "schemaVersion": 2, "promotions": [] }""", "$.schemaVersion: version 2 is not supported; this library reads version 1." },
        { """{ "schemaVersion": "1", "promotions": [] }""", "$.schemaVersion: must be a whole number, not a string." },
        { """{ "schemaVersion": 1 }""", "$.promotions: is required." },
        { """{ "schemaVersion": 1, "promotions": {} }""", "$.promotions: must be an array, not an object." },
        { """{ "schemaVersion": 1, "promotions": [], "extra": 1 }""", "$.extra: is not a known property" },
        { Doc("42"), "$.promotions[0]: must be an object, not a number." },
        { Doc("""{ "name": "P", "discount": { "type": "freeShipping" } }"""), "$.promotions[0].id: is required." },
        { Doc("""{ "id": "p", "discount": { "type": "freeShipping" } }"""), "$.promotions[0].name: is required." },
        { Doc("""{ "id": 7, "name": "P", "discount": { "type": "freeShipping" } }"""), "$.promotions[0].id: must be a string, not a number." },
        { Doc("""{ "id": "", "name": "P", "discount": { "type": "freeShipping" } }"""), "$.promotions[0].id: must not be empty or white space." },
        { Doc("""{ "id": "p", "name": "P" }"""), "$.promotions[0].discount: is required." },
        { With(""" "discount": { "percent": 10 } """), "$.promotions[0].discount.type: is required." },
        { With(""" "discount": { "type": "halfOff" } """), "$.promotions[0].discount.type: 'halfOff' is not a known type" },
        { With(""" "discount": { "type": "percentOffItems", "percent": 0 } """), "$.promotions[0].discount.percent: a percentage must be in (0, 100]." },
        { With(""" "discount": { "type": "percentOffItems", "percent": 120 } """), "$.promotions[0].discount.percent: a percentage must be in (0, 100]." },
        { With(""" "discount": { "type": "percentOffItems" } """), "$.promotions[0].discount.percent: is required." },
        { With(""" "discount": { "type": "percentOffItems", "percent": "ten" } """), "$.promotions[0].discount.percent: must be a decimal number, not a string." },
        { With(""" "discount": { "type": "percentOffItems", "percent": 10, "cap": 5 } """), "$.promotions[0].discount.cap: is not a known property" },
        { With(""" "discount": { "type": "amountOffOrder", "amount": { "amount": 5 } } """), "$.promotions[0].discount.amount.currency: is required." },
        { With(""" "discount": { "type": "amountOffOrder", "amount": { "amount": 5, "currency": "XYZ" } } """), "$.promotions[0].discount.amount.currency: 'XYZ' is not an active ISO 4217 currency code." },
        { With(""" "discount": { "type": "amountOffOrder", "amount": { "amount": -5, "currency": "USD" } } """), "$.promotions[0].discount.amount: an amount off must be more than zero and rounded to its minor unit." },
        { With(""" "discount": { "type": "amountOffOrder", "amount": 5 } """), "$.promotions[0].discount.amount: must be an object, not a number." },
        { With(""" "discount": { "type": "buyXGetY", "buy": 0, "get": 1 } """), "$.promotions[0].discount: must be greater than zero." },
        { With(""" "discount": { "type": "buyXGetY", "buy": 1, "get": 1, "selection": "random" } """), "$.promotions[0].discount.selection: 'random' is not one of: cheapest, mostExpensive." },
        { With(""" "discount": { "type": "fixedPrice", "quantity": 3 } """), "$.promotions[0].discount.price: is required." },
        { With(""" "discount": { "type": "tiered", "basis": "subtotal", "tiers": [] } """), "$.promotions[0].discount.tiers: a tiered discount needs at least one tier." },
        { With(""" "discount": { "type": "tiered", "basis": "weight", "tiers": [ { "threshold": 1, "percentOff": 5 } ] } """), "$.promotions[0].discount.basis: 'weight' is not one of: subtotal, quantity." },
        { With(""" "discount": { "type": "tiered", "basis": "subtotal", "tiers": [ { "threshold": 1 } ] } """), "$.promotions[0].discount.tiers[0]: needs exactly one of percentOff and amountOff." },
        { With(""" "discount": { "type": "tiered", "basis": "subtotal", "tiers": [ { "threshold": 100, "percentOff": 5 }, { "threshold": 100, "percentOff": 10 } ] } """), "$.promotions[0].discount.tiers: two tiers share the threshold 100." },
        { With(""" "status": "sleeping", "discount": { "type": "freeShipping" } """), "$.promotions[0].status: 'sleeping' is not one of: active, paused, cancelled." },
        { With(""" "activation": { "type": "code" }, "discount": { "type": "freeShipping" } """), "$.promotions[0].activation.code: is required." },
        { With(""" "activation": { "type": "code", "code": " - " }, "discount": { "type": "freeShipping" } """), "$.promotions[0].activation.code: a code must have at least one letter or digit." },
        { With(""" "activation": { "type": "code", "code": "SAVE20", "foldLookAlikes": "yes" }, "discount": { "type": "freeShipping" } """), "$.promotions[0].activation.foldLookAlikes: must be true or false, not a string." },
        { With(""" "activation": { "type": "code", "code": "SAVE\u200B20" }, "discount": { "type": "freeShipping" } """), "$.promotions[0].activation.code: a code must not contain control or invisible characters (found U+200B)." },
        { With(""" "activation": { "type": "claimCodes", "codes": [] }, "discount": { "type": "freeShipping" } """), "$.promotions[0].activation.codes: a pool of claim codes needs at least one code." },
        { With(""" "activation": { "type": "claimCodes", "codes": ["ab-1", "AB1"] }, "discount": { "type": "freeShipping" } """), "$.promotions[0].activation.codes: the claim code 'AB1' appears twice once normalized." },
        { With(""" "activation": { "type": "claimCodes", "codes": ["AAAA"], "format": { "alphabet": "0123456789" } }, "discount": { "type": "freeShipping" } """), "$.promotions[0].activation.format: a check character needs an alphabet whose size is a prime" },
        { With(""" "schedule": { "start": "2026-12-01T00:00", "end": "2026-11-01T00:00", "zone": "UTC" }, "discount": { "type": "freeShipping" } """), "$.promotions[0].schedule.end: the schedule ends (2026-11-01T00:00:00) before it starts (2026-12-01T00:00:00)." },
        { With(""" "schedule": { "start": "2026-12-01", "zone": "UTC" }, "discount": { "type": "freeShipping" } """), "$.promotions[0].schedule.start: '2026-12-01' is not an ISO 8601 local date and time" },
        { With(""" "schedule": { "start": "2026-12-01T00:00", "zone": "Mars/Olympus" }, "discount": { "type": "freeShipping" } """), "$.promotions[0].schedule.zone: 'Mars/Olympus' is not an IANA time zone id" },
        { With(""" "schedule": { "start": "2026-12-01T00:00" }, "discount": { "type": "freeShipping" } """), "$.promotions[0].schedule.zone: is required." },
        { With(""" "schedule": { "start": "2026-11-27T00:00", "firstDay": "2026-11-27", "zone": "UTC" }, "discount": { "type": "freeShipping" } """), "$.promotions[0].schedule.firstDay: cannot be given with start: a schedule is either whole days (firstDay, lastDay) or local date-times (start, end, endInclusive)." },
        { With(""" "schedule": { "lastDay": "2026-11-30", "endInclusive": true, "zone": "UTC" }, "discount": { "type": "freeShipping" } """), "$.promotions[0].schedule.lastDay: cannot be given with endInclusive" },
        { With(""" "schedule": { "firstDay": "2026-11-27", "lastDay": "2026-11-26", "zone": "UTC" }, "discount": { "type": "freeShipping" } """), "$.promotions[0].schedule.lastDay: the last day (2026-11-26) is before the first day (2026-11-27)." },
        { With(""" "schedule": { "firstDay": "2026-11-31", "zone": "UTC" }, "discount": { "type": "freeShipping" } """), "$.promotions[0].schedule.firstDay: '2026-11-31' is not an ISO 8601 date such as 2026-11-27." },
        { With(""" "schedule": { "lastDay": "2026-11-30T23:59", "zone": "UTC" }, "discount": { "type": "freeShipping" } """), "$.promotions[0].schedule.lastDay: '2026-11-30T23:59' is not an ISO 8601 date such as 2026-11-27." },
        { With(""" "schedule": { "firstDay": 20261127, "zone": "UTC" }, "discount": { "type": "freeShipping" } """), "$.promotions[0].schedule.firstDay: must be a string, not a number." },
        { With(""" "restrictions": [ { "type": "minimumQuantity", "quantity": 0 } ], "discount": { "type": "freeShipping" } """), "$.promotions[0].restrictions[0].quantity: must be greater than zero." },
        { With(""" "restrictions": [ { "type": "regions", "regions": ["USA"] } ], "discount": { "type": "freeShipping" } """), "$.promotions[0].restrictions[0].regions[0]: 'USA' is not an ISO 3166-1 alpha-2 country code." },
        { With(""" "restrictions": [ { "type": "regions", "regions": [] } ], "discount": { "type": "freeShipping" } """), "$.promotions[0].restrictions[0].regions: at least one value is required." },
        { With(""" "restrictions": [ { "type": "regions" } ], "discount": { "type": "freeShipping" } """), "$.promotions[0].restrictions[0].regions: is required (or except, for anywhere but the excluded regions)." },
        { With(""" "restrictions": [ { "type": "regions", "regions": ["US", "us"] } ], "discount": { "type": "freeShipping" } """), "$.promotions[0].restrictions[0].regions: the region US appears twice among the allowed regions." },
        { With(""" "restrictions": [ { "type": "regions", "regions": ["US"], "except": ["DE-BY"] } ], "discount": { "type": "freeShipping" } """), "$.promotions[0].restrictions[0].except: the excluded region DE-BY lies outside every allowed region (US): excluding it changes nothing." },
        { With(""" "restrictions": [ { "type": "regions", "except": ["CA", "CAN"] } ], "discount": { "type": "freeShipping" } """), "$.promotions[0].restrictions[0].except[1]: 'CAN' is not an ISO 3166-1 alpha-2 country code." },
        { With(""" "restrictions": [ { "type": "regions", "except": [] } ], "discount": { "type": "freeShipping" } """), "$.promotions[0].restrictions[0].except: at least one value is required." },
        { With(""" "restrictions": [ { "type": "regions", "regions": ["US"], "of": "billingAddress" } ], "discount": { "type": "freeShipping" } """), "$.promotions[0].restrictions[0].of: 'billingAddress' is not one of: customer, shippingAddress." },
        { With(""" "restrictions": [ { "type": "regions", "regions": ["US"], "excluding": ["US-AK"] } ], "discount": { "type": "freeShipping" } """), "$.promotions[0].restrictions[0].excluding: is not a known property" },
        { With(""" "restrictions": [ { "type": "membersOnly", "memberships": [] } ], "discount": { "type": "freeShipping" } """), "$.promotions[0].restrictions[0].memberships: at least one value is required." },
        { With(""" "restrictions": [ { "type": "vipOnly" } ], "discount": { "type": "freeShipping" } """), "$.promotions[0].restrictions[0].type: 'vipOnly' is not a known type" },
        { With(""" "restrictions": { "type": "firstOrderOnly" }, "discount": { "type": "freeShipping" } """), "$.promotions[0].restrictions: must be an array, not an object." },
        { With(""" "items": { "type": "skus", "values": [] }, "discount": { "type": "freeShipping" } """), "$.promotions[0].items.values: at least one value is required." },
        { With(""" "items": { "type": "anyOf", "filters": [ { "type": "color" } ] }, "discount": { "type": "freeShipping" } """), "$.promotions[0].items.filters[0].type: 'color' is not a known type" },
        { With(""" "items": { "type": "not" }, "discount": { "type": "freeShipping" } """), "$.promotions[0].items.filter: is required." },
        { With(""" "limits": { "total": 0 }, "discount": { "type": "freeShipping" } """), "$.promotions[0].limits: a usage limit must be one or more." },
        { With(""" "limits": { "budget": { "amount": 100, "currency": "USD" }, "budgetPolicy": "maybe" }, "discount": { "type": "freeShipping" } """), "$.promotions[0].limits.budgetPolicy: 'maybe' is not one of: hard, soft." },
        { With(""" "limits": { "total": 5, "countPolicy": "loose" }, "discount": { "type": "freeShipping" } """), "$.promotions[0].limits.countPolicy: 'loose' is not one of: hard, soft." },
        { With(""" "priority": null, "discount": { "type": "freeShipping" } """), "$.promotions[0].priority: must not be null: leave the property out for its default." },
        { With(""" "activation": { "type": "code", "code": "STAFFONLY" }, "activation": { "type": "automatic" }, "discount": { "type": "freeShipping" } """), "$.promotions[0].activation: is given more than once; each property may appear once." },
        { With(""" "discount": { "type": "percentOffItems", "percent": 10, "percent": 90 } """), "$.promotions[0].discount.percent: is given more than once; each property may appear once." },
        { With(""" "discount": { "type": "percentOffItems", "percent": "20" } """), "$.promotions[0].discount.percent: must be a decimal number, not a string." },
        { With(""" "discount": { "type": "percentOffItems", "percent": "+20" } """), "$.promotions[0].discount.percent: must be a decimal number, not a string." },
        { With(""" "discount": { "type": "amountOffOrder", "amount": { "amount": "5.00", "currency": "USD" } } """), "$.promotions[0].discount.amount.amount: must be a decimal number, not a string." },
        { With(""" "discount": { "type": "percentOffItems", "percent": 1e400 } """), "$.promotions[0].discount.percent: is out of range for a decimal number." },
        { With(""" "limits": { "total": 1.5 }, "discount": { "type": "freeShipping" } """), "$.promotions[0].limits.total: must be a whole number from -2147483648 to 2147483647." },
        { Doc("""{ "id": "p", "name": "\ud800", "discount": { "type": "freeShipping" } }"""), "$.promotions[0].name: is not valid text (it holds a lone surrogate escape)." },
        { Doc("""{ "id": "p", "name": "P", "\udc00": 1, "discount": { "type": "freeShipping" } }"""), "$.promotions[0]: has a property name that is not valid text (a lone surrogate escape)." },
        { With(""" "priority": 1.5, "discount": { "type": "freeShipping" } """), "$.promotions[0].priority: must be a whole number from -2147483648 to 2147483647." },
        { With(""" "exclusive": "yes", "discount": { "type": "freeShipping" } """), "$.promotions[0].exclusive: must be true or false, not a string." },
        { With(""" "stops": "everything", "discount": { "type": "freeShipping" } """), "$.promotions[0].stops: 'everything' is not one of: none, itsItems, allLowerLanes." },
        { With(""" "combinesWith": ["items"], "discount": { "type": "freeShipping" } """), "$.promotions[0].combinesWith[0]: 'items' is not one of: item, order, shipping." },
        { With(""" "compoundsWithAll": true, "discount": { "type": "freeShipping" } """), "$.promotions[0].compoundsWith: only a percentage or an amount off each item, without a cap, can compound with other promotions." },
        { With(""" "maxDiscount": { "amount": 5, "currency": "EUR" }, "discount": { "type": "amountOffOrder", "amount": { "amount": 10, "currency": "USD" } } """), "$.promotions[0].maxDiscount: is in EUR but the promotion's other amounts are in USD." },
        { With(""" "discount": { "type": "freeShipping" }, "colour": "red" """), "$.promotions[0].colour: is not a known property" },
        { Doc(Filter(30)), "$.promotions[0].items" },
        { Doc(Filter(17)), "$.promotions[0].items" },
        { $$"""{ "schemaVersion": 1, "promotions": [ {{new string('[', 70)}}{{new string(']', 70)}} ] }""", "$: is not valid JSON" },
        { """{ "schemaVersion": 1, "schemaVersion": 1, "promotions": [] }""", "$.schemaVersion: is given more than once" },
        { """{ "schemaVersion": 1, "promotions": [], "promotions": [] }""", "$.promotions: is given more than once" },
        { With(""" "id": "q", "discount": { "type": "freeShipping" } """), "$.promotions[0].id: is given more than once" },
        { With(""" "items": { "type": "skus", "values": ["A"], "values": ["B"] }, "discount": { "type": "freeShipping" } """), "$.promotions[0].items.values: is given more than once" },
        { With(""" "schedule": { "zone": "UTC", "zone": "America/New_York", "lastDay": "2026-11-30" }, "discount": { "type": "freeShipping" } """), "$.promotions[0].schedule.zone: is given more than once" },
        { With(""" "limits": { "total": 5, "total": 500 }, "discount": { "type": "freeShipping" } """), "$.promotions[0].limits.total: is given more than once" },
        { With(""" "restrictions": [ { "type": "minimumQuantity", "quantity": 2, "quantity": 1 } ], "discount": { "type": "freeShipping" } """), "$.promotions[0].restrictions[0].quantity: is given more than once" },
        { With(""" "discount": { "type": "percentOffItems", "type": "freeShipping", "percent": 10 } """), "$.promotions[0].discount.type: is given more than once" },
        { With(""" "discount": { "type": "percentOffItems", "percent": true } """), "$.promotions[0].discount.percent: must be a decimal number, not" },
        { With(""" "discount": { "type": "percentOffItems", "percent": null } """), "$.promotions[0].discount.percent: must not be null" },
        { With(""" "discount": { "type": "percentOffItems", "percent": [20] } """), "$.promotions[0].discount.percent: must be a decimal number, not an array." },
        { With(""" "discount": { "type": "percentOffItems", "percent": "1e2" } """), "$.promotions[0].discount.percent: must be a decimal number, not a string." },
        { With(""" "discount": { "type": "buyXGetY", "buy": "3", "get": 1 } """), "$.promotions[0].discount.buy: must be a whole number" },
        { With(""" "discount": { "type": "buyXGetY", "buy": 3, "get": 1.5 } """), "$.promotions[0].discount.get: must be a whole number" },
        { With(""" "discount": { "type": "buyXGetY", "buy": 3, "get": 99999999999 } """), "$.promotions[0].discount.get: must be a whole number" },
        { With(""" "discount": { "type": "fixedPrice", "quantity": 3, "price": { "amount": "9.99", "currency": "USD" } } """), "$.promotions[0].discount.price.amount: must be a decimal number, not a string." },
        { With(""" "discount": { "type": "amountOffOrder", "amount": { "amount": 5, "currency": 840 } } """), "$.promotions[0].discount.amount.currency: must be a string, not a number." },
        { With(""" "discount": { "type": "amountOffOrder", "amount": { "amount": 100000000000000, "currency": "USD" } } """), "$.promotions[0].discount.amount" },
        { With(""" "discount": { "type": "amountOffOrder", "amount": { "amount": 79228162514264337593543950335, "currency": "USD" } } """), "$.promotions[0].discount.amount" },
        { With(""" "discount": { "type": "amountOffOrder", "amount": { "amount": 5.001, "currency": "USD" } } """), "$.promotions[0].discount.amount: an amount off must be more than zero and rounded to its minor unit." },
        { With(""" "discount": { "type": "amountOffOrder", "amount": { "amount": 1, "currency": "JPY" } }, "maxDiscount": { "amount": 0.5, "currency": "JPY" } """), "$.promotions[0].maxDiscount" },
        { With(""" "restrictions": [ { "type": "minimumSubtotal", "amount": { "amount": 100000000000000, "currency": "USD" } } ], "discount": { "type": "freeShipping" } """), "$.promotions[0].restrictions[0].amount" },
        { With(""" "limits": { "budget": { "amount": 100000000000000, "currency": "USD" } }, "discount": { "type": "freeShipping" } """), "$.promotions[0].limits" },
        { With(""" "limits": { "total": "5" }, "discount": { "type": "freeShipping" } """), "$.promotions[0].limits.total: must be a whole number" },
        { With(""" "limits": { "perCustomer": -1 }, "discount": { "type": "freeShipping" } """), "$.promotions[0].limits: a usage limit must be one or more." },
        { With(""" "priority": "1", "discount": { "type": "freeShipping" } """), "$.promotions[0].priority: must be a whole number" },
        { With(""" "priority": 1e10, "discount": { "type": "freeShipping" } """), "$.promotions[0].priority: must be a whole number" },
        { With(""" "activation": { "type": "code", "code": "SAVE\ud83d\ude00" }, "discount": { "type": "freeShipping" } """), "$.promotions[0].activation.code: a code must not contain symbols such as emoji (found U+1F600)." },
        { With(""" "activation": { "type": "code", "code": "SAVE\ud835" }, "discount": { "type": "freeShipping" } """), "$.promotions[0].activation.code: is not valid text (it holds a lone surrogate escape)." },
        { With(""" "activation": { "type": "code", "code": "\u0000" }, "discount": { "type": "freeShipping" } """), "$.promotions[0].activation.code: a code must not contain control or invisible characters (found U+0000)." },
        { With(""" "activation": { "type": "code", "code": 20 }, "discount": { "type": "freeShipping" } """), "$.promotions[0].activation.code: must be a string, not a number." },
        { With(""" "activation": { "type": "claimCodes", "codes": "AB12" }, "discount": { "type": "freeShipping" } """), "$.promotions[0].activation.codes: must be an array of strings, not a string." },
        { With(""" "activation": { "type": "claimCodes", "codes": ["AB12", 7] }, "discount": { "type": "freeShipping" } """), "$.promotions[0].activation.codes[1]: must be a string, not a number." },
        { With(""" "activation": { "type": "claimCodes", "codes": ["AB\u200B12"] }, "discount": { "type": "freeShipping" } """), "$.promotions[0].activation.codes: a code must not contain control or invisible characters (found U+200B)." },
        { With(""" "activation": { "type": "ticket" }, "discount": { "type": "freeShipping" } """), "$.promotions[0].activation.type: 'ticket' is not a known type" },
        { Doc("""{ "id": "p\u0000", "name": "P", "discount": { "type": "freeShipping" } }"""), "$.promotions[0].id: " },
        { Doc("""{ "id": "p", "name": "\udfff", "discount": { "type": "freeShipping" } }"""), "$.promotions[0].name: is not valid text (it holds a lone surrogate escape)." },
        { With(""" "schedule": { "start": "2026-13-01T00:00", "zone": "UTC" }, "discount": { "type": "freeShipping" } """), "$.promotions[0].schedule.start: '2026-13-01T00:00' is not an ISO 8601 local date and time" },
        { With(""" "schedule": { "zone": "utc\u0000", "lastDay": "2026-11-30" }, "discount": { "type": "freeShipping" } """), "$.promotions[0].schedule.zone" },
        { With(""" "items": { "type": "skus", "values": [""] }, "discount": { "type": "freeShipping" } """), "$.promotions[0].items.values" },
        { With(""" "items": { "type": "anyOf", "filters": [] }, "discount": { "type": "freeShipping" } """), "$.promotions[0].items" },
        { With(""" "items": { "type": "not", "filter": null }, "discount": { "type": "freeShipping" } """), "$.promotions[0].items.filter" },
        { Doc("null"), "$.promotions[0]: must be an object, not null." },
        { """{ "schemaVersion": 1, "promotions": null }""", "$.promotions: must not be null" },
        { """{ "schemaVersion": 1.5, "promotions": [] }""", "$.schemaVersion: must be a whole number" },
        { "", "$: is not valid JSON" },
        { "{", "$: is not valid JSON" },
        { """{ "schemaVersion": 1, "promotions": [] } trailing""", "$: is not valid JSON" },
        { """{ "schemaVersion": 1, "promotions": [], }""", "$: is not valid JSON" },
        { "{ 'schemaVersion': 1 }", "$: is not valid JSON" },
    };

    /// <summary>An item filter <paramref name="depth"/> levels deep, as JSON (a leaf is one level).</summary>
    private static string Filter(int depth) =>
        $$"""{ "id": "p", "name": "P", "items": {{string.Concat(Enumerable.Repeat("""{ "type": "not", "filter": """, depth - 1))}}{ "type": "skus", "values": ["A"] }{{new string('}', depth - 1)}}, "discount": { "type": "freeShipping" } }""";

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Read_MalformedDefinition_ReportsThePathAndChangesNothing(string json, string expected)
    {
        // A host reloads its catalog from a bad document: the live catalog, its evaluations and the ledger stay as
        // they were (the document is a string: it cannot change).
        var world = new BadInputWorld();
        var before = world.Fingerprint();

        var e = Assert.Throws<PromotionDefinitionException>(() => PromotionJson.ReadCatalog(json));

        Assert.Contains(e.Errors, error => error.StartsWith(expected, StringComparison.Ordinal));
        Assert.Equal(before, world.Fingerprint());
    }

    [Fact]
    public void Read_MorePromotionsThanACatalogHolds_IsRefusedBeforeAnyIsRead()
    {
        // Empty objects: had they been read, each would have its own errors.
        var json = $$"""{ "schemaVersion": 1, "promotions": [{{string.Join(",", Enumerable.Repeat("{}", PromotionCatalog.MaxPromotions + 1))}}] }""";

        var e = Assert.Throws<PromotionDefinitionException>(() => PromotionJson.Read(json));

        Assert.Equal("$.promotions: holds 1,000,001 promotions; at most 1,000,000 are allowed (PromotionCatalog.MaxPromotions).", Assert.Single(e.Errors));
    }

    [Fact]
    public void Malformed_HasAtLeastFortyCases()
    {
        Assert.True(Malformed().Count >= 40);
    }

    [Fact]
    public void Read_EveryErrorAtOnce_AcrossPromotions()
    {
        var json = """
            { "schemaVersion": 1, "promotions": [
              { "id": "a", "name": "A", "discount": { "type": "percentOffItems", "percent": 150 } },
              { "id": "b", "name": "B", "discount": { "type": "percentOffItems", "percent": 10 } },
              { "id": "c", "discount": { "type": "mystery" } }
            ] }
            """;

        var e = Assert.Throws<PromotionDefinitionException>(() => PromotionJson.Read(json));

        Assert.Equal(
            [
                "$.promotions[0].discount.percent: a percentage must be in (0, 100].",
                "$.promotions[2].name: is required.",
                "$.promotions[2].discount.type: 'mystery' is not a known type (expected one of: percentOffItems, amountOffEachItem, fixedPrice, buyXGetY, tiered, percentOffOrder, amountOffOrder, freeShipping, shippingPercentOff, shippingAmountOff, amountOffEachLine, firstAndAdditional, quantityGroups, tieredShipping, giftWithPurchase).",
            ],
            e.Errors.ToArray());
    }

    [Fact]
    public void ReadCatalog_DuplicateIdsAndCollidingCodes_AreReportedWithPaths()
    {
        var json = """
            { "schemaVersion": 1, "promotions": [
              { "id": "a", "name": "A", "activation": { "type": "code", "code": "SAVE-10" }, "discount": { "type": "freeShipping" } },
              { "id": "b", "name": "B", "activation": { "type": "code", "code": "save10" }, "discount": { "type": "freeShipping" } },
              { "id": "a", "name": "A again", "discount": { "type": "freeShipping" } }
            ] }
            """;

        var e = Assert.Throws<PromotionDefinitionException>(() => PromotionJson.ReadCatalog(json));

        Assert.Equal(
            ["$.promotions[1].codes: 'SAVE10' is also a code of 'a'.", "$.promotions[2].id: 'a' is also the id of promotions[0]."],
            e.Errors.ToArray());
    }

    [Fact]
    public void Read_AValidDocument_GivesThePromotions()
    {
        var promotions = PromotionJson.Read(Doc(Valid));

        var promotion = Assert.Single(promotions);
        Assert.Equal("p", promotion.Id.Value);
        Assert.Equal(8m, Evaluate(Cart(Line("a", 80m)), promotion).Total.Amount - 64m);
    }

    [Fact]
    public void Read_WholeDaysSchedule_RunsThroughTheLastDayAndIsWrittenBackAsDays()
    {
        var json = With(""" "schedule": { "zone": "America/Los_Angeles", "firstDay": "2026-11-27", "lastDay": "2026-11-30" }, "discount": { "type": "freeShipping" } """);

        var schedule = Assert.Single(PromotionJson.Read(json)).Schedule;

        Assert.True(schedule.IsWholeDays);
        Assert.Equal(new NodaTime.LocalDate(2026, 11, 27), schedule.FirstDay);
        Assert.Equal(new NodaTime.LocalDate(2026, 11, 30), schedule.LastDay);
        Assert.Equal(NodaTime.Instant.FromUtc(2026, 11, 27, 8, 0), schedule.StartInstant); // 00:00 PST
        Assert.Equal(NodaTime.Instant.FromUtc(2026, 12, 1, 8, 0), schedule.EndInstant);    // 00:00 PST after the last day
        var written = PromotionJson.Write(PromotionJson.Read(json));
        Assert.Contains("\"firstDay\": \"2026-11-27\",", written, StringComparison.Ordinal);
        Assert.Contains("\"lastDay\": \"2026-11-30\",", written, StringComparison.Ordinal);
        Assert.DoesNotContain("\"end\"", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OnlyALastDay_HasNoStartAndIsWrittenBackAsADay()
    {
        var json = With(""" "schedule": { "zone": "UTC", "lastDay": "2026-11-30" }, "discount": { "type": "freeShipping" } """);

        var schedule = Assert.Single(PromotionJson.Read(json)).Schedule;

        Assert.Null(schedule.StartInstant);
        Assert.Equal(NodaTime.Instant.FromUtc(2026, 12, 1, 0, 0), schedule.EndInstant);
        Assert.Contains("\"lastDay\": \"2026-11-30\"", PromotionJson.Write(PromotionJson.Read(json)), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_InclusiveEnd_IsWrittenAsWrittenAndReadsBackToTheSameInstant()
    {
        var promotion = Promo("p", Discount.FreeShipping)
            .WithSchedule(Schedule.Between(null, new NodaTime.LocalDateTime(2026, 11, 30, 23, 59), NodaTime.DateTimeZone.Utc, endInclusive: true)).Build();

        var json = PromotionJson.Write([promotion]);
        var read = Assert.Single(PromotionJson.Read(json)).Schedule;

        Assert.Contains("\"end\": \"2026-11-30T23:59:00\",", json, StringComparison.Ordinal);
        Assert.Equal(NodaTime.Instant.FromUtc(2026, 12, 1, 0, 0), read.EndInstant);
        Assert.False(read.IsWholeDays);
    }

    [Fact]
    public void Read_RegionsWithExclusionsByShippingAddress_AppliesAsWrittenAndIsWrittenBack()
    {
        var restriction = """{ "type": "regions", "regions": ["US"], "except": ["US-AK", "US-HI"], "of": "shippingAddress" }""";
        var json = With($$""" "restrictions": [ {{restriction}} ], "discount": { "type": "freeShipping" } """);

        var promotion = Assert.Single(PromotionJson.Read(json));

        var cart = new Cart(Usd, [Line("a", 40m)], CustomerProfile.Registered("c").WithRegion(new Region("US", "CA")), D(7m));
        Assert.Equal(RejectionReason.RegionNotEligible, Diagnose(cart.WithShippingRegion(new Region("US", "HI")), promotion).Rejection("p").Reason);
        Assert.Equal(7m, Diagnose(cart.WithShippingRegion(new Region("US", "NY")), promotion).Applied("p"));
        var written = PromotionJson.Write([promotion]);
        Assert.Contains("\"except\": [\n", written.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("\"of\": \"shippingAddress\"", written, StringComparison.Ordinal);
        Assert.Equal(written, PromotionJson.Write(PromotionJson.Read(written)));
    }

    [Fact]
    public void Read_RegionsExclusionOnly_MeansAnywhereButThose()
    {
        var json = With(""" "restrictions": [ { "type": "regions", "except": ["CA", "MX"] } ], "discount": { "type": "percentOffItems", "percent": 10 } """);

        var promotion = Assert.Single(PromotionJson.Read(json));

        Cart From(Region region) => Cart(CustomerProfile.Registered("c").WithRegion(region), null, Line("a", 40m));
        Assert.Equal(4m, Diagnose(From(new Region("US")), promotion).Applied("p"));
        Assert.Equal(RejectionReason.RegionNotEligible, Diagnose(From(new Region("MX", "JAL")), promotion).Rejection("p").Reason);
        Assert.DoesNotContain("\"regions\": [", PromotionJson.Write([promotion]), StringComparison.Ordinal);
    }

    [Property(MaxTest = 300, Arbitrary = [typeof(EvaluationArbitraries)])]
    public void RoundTrip_WriteThenRead_GivesTheSameDefinitions(Promotion[] promotions)
    {
        var unique = promotions.GroupBy(p => p.Id).Select(g => g.First()).ToArray();
        var json = PromotionJson.Write(unique);

        var read = PromotionJson.Read(json);

        Assert.Equal(json, PromotionJson.Write(read));
        var cart = Cart(CustomerProfile.Registered("c").WithMemberships(["prime"]), 7m, Line("L0", 30m, 2, "s1", "c1"), Line("L1", 12.5m, 3, "s2", "c2", "c3"));
        Assert.Equal(Evaluate(cart, unique, "CODE0", "CODE1"), Evaluate(cart, read, "CODE0", "CODE1"));
    }

    [Fact]
    public void Read_SoftCountPolicy_IsReadAndWrittenBack()
    {
        var json = With(""" "limits": { "total": 50, "perCode": 5, "countPolicy": "soft" }, "discount": { "type": "freeShipping" } """);

        var promotion = Assert.Single(PromotionJson.Read(json));

        Assert.Equal((50, 5, LimitPolicy.Soft), (promotion.Limits.Total, promotion.Limits.PerCode, promotion.Limits.CountPolicy));
        Assert.Contains("\"countPolicy\": \"soft\"", PromotionJson.Write([promotion]), StringComparison.Ordinal);
        Assert.DoesNotContain("countPolicy", PromotionJson.Write([Promotion.Create("h", "h").Giving(Discount.FreeShipping).WithLimits(new UsageLimits(total: 1)).Build()]), StringComparison.Ordinal);
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(AgreementArbitraries)])]
    public void RoundTrip_LimitedCatalogs_GiveTheSameDefinitions(AgreementCase session)
    {
        var json = PromotionJson.Write(session.Promotions);

        Assert.Equal(json, PromotionJson.Write(PromotionJson.Read(json)));
    }

    [Fact]
    public void Read_DocumentWithARawLoneSurrogate_IsADefinitionError()
    {
        // Not in the Malformed rows: a test case's name cannot hold a lone surrogate.
        var json = Doc("{ \"id\": \"p\", \"name\": \"\uD800\", \"discount\": { \"type\": \"freeShipping\" } }");

        var e = Assert.Throws<PromotionDefinitionException>(() => PromotionJson.Read(json));

        Assert.StartsWith("$: is not valid JSON: it holds a lone surrogate", Assert.Single(e.Errors), StringComparison.Ordinal);
    }
}
