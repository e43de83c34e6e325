using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace PromoEngine.Checkout.Tests;

/// <summary>The checkout sample end to end, through HTTP, on its in-memory ledger.</summary>
public sealed class CheckoutEndToEndTests : IDisposable
{
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 2, 18, 0);
    private readonly WebApplicationFactory<Program> _factory;

    public CheckoutEndToEndTests()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Checkout:FailedCodesPerWindow", "3");
            web.ConfigureTestServices(services => services.AddSingleton<IClock>(new FakeClock(Now)));
        });
    }

    public void Dispose() => _factory.Dispose();

    private static object Cart(string customer, params string[] codes) => new
    {
        currency = "USD",
        lines = new[] { new { id = "1", sku = "jacket", price = 120.00m, quantity = 1, categories = new[] { "outerwear" } } },
        codes,
        customerId = customer,
        shipping = 6.99m,
    };

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task Evaluate_ACartWithAGoodCode_ReturnsTheResultAsJson()
    {
        using var client = _factory.CreateClient();

        var response = await client.PostAsJsonAsync("/carts/evaluate", Cart("alice", "FIRST50"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("first50", body, StringComparison.Ordinal);
        Assert.Contains("102", body, StringComparison.Ordinal); // 120.00 less 15 %, shipping free over $75
    }

    [Theory]
    [InlineData(-1.00, 1, "negative")]
    [InlineData(10.00, 0, "quantity")]
    [InlineData(10.001, 1, "minor unit")]
    public async Task Evaluate_BadInput_IsAProblemWithWhatIsWrong(decimal price, int quantity, string fragment)
    {
        using var client = _factory.CreateClient();

        var response = await client.PostAsJsonAsync("/carts/evaluate", new
        {
            currency = "USD",
            lines = new[] { new { id = "1", sku = "x", price, quantity } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await Json(response);
        Assert.Equal("The cart is not valid.", problem.GetProperty("title").GetString());
        Assert.Contains(fragment, problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Evaluate_AnUnknownCurrencyOrMalformedBody_IsABadRequest()
    {
        using var client = _factory.CreateClient();

        var currency = await client.PostAsJsonAsync("/carts/evaluate", new { currency = "XXQ", lines = Array.Empty<object>() });
        var malformed = await client.PostAsync("/carts/evaluate", new StringContent("{ \"currency\": ", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, currency.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    [Fact]
    public async Task ReserveCommitThenTheSameCustomerAgain_GetsTheOrderWithoutTheCode()
    {
        using var client = _factory.CreateClient();

        var reserved = await client.PostAsJsonAsync("/orders/o-1/reserve", Cart("bob", "FIRST50"));
        var committed = await client.PostAsync("/orders/o-1/commit", null);
        var again = await client.PostAsJsonAsync("/orders/o-2/reserve", Cart("bob", "FIRST50"));

        Assert.Equal(HttpStatusCode.OK, reserved.StatusCode);
        Assert.Equal("Reserved", (await Json(reserved)).GetProperty("state").GetString());
        Assert.Equal("Committed", (await Json(committed)).GetProperty("state").GetString());

        // Evaluated with the ledger's usage, the second order no longer gets the code (once per customer): it is
        // reserved without it, at full price (shipping is free over $75).
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(120.00m, (await Json(again)).GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task OneCustomerRacingEightOrders_GetsTheOncePerCustomerCodeOnce()
    {
        using var client = _factory.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => client.PostAsJsonAsync($"/orders/race-{i}/reserve", Cart("frank", "FIRST50"))));

        // Each order is evaluated with the usage it read, then reserved; one that lost the race is refused by the
        // limit (409, naming it) or, evaluated after the winner's reservation, reserved at full price.
        var discounted = 0;
        foreach (var response in responses)
        {
            var body = await Json(response);
            if (response.StatusCode == HttpStatusCode.Conflict)
            {
                Assert.Equal(nameof(RejectionReason.CustomerLimitReached), body.GetProperty("failures")[0].GetProperty("reason").GetString());
                continue;
            }

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            discounted += body.GetProperty("total").GetDecimal() == 102.00m ? 1 : 0;
        }

        Assert.Equal(1, discounted);
    }

    [Fact]
    public async Task Release_GivesTheUseBack()
    {
        using var client = _factory.CreateClient();

        await client.PostAsJsonAsync("/orders/o-3/reserve", Cart("carol", "FIRST50"));
        var released = await client.PostAsync("/orders/o-3/release", null);
        var again = await client.PostAsJsonAsync("/orders/o-4/reserve", Cart("carol", "FIRST50"));

        Assert.Equal("Released", (await Json(released)).GetProperty("state").GetString());
        Assert.Equal(102.00m, (await Json(again)).GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task CodesThatMatchNothing_AreRateLimitedByClient()
    {
        using var client = _factory.CreateClient();
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/carts/evaluate", Cart("dave", $"GUESS{i}"))).StatusCode);
        }

        var withoutCodes = await client.PostAsJsonAsync("/carts/evaluate", Cart("dave"));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, withoutCodes.StatusCode);
    }

    [Fact]
    public async Task ARealCodeThatDoesNotApply_IsNotCountedAsAGuess()
    {
        using var client = _factory.CreateClient();
        var statuses = new List<HttpStatusCode>();

        // FALL15 exists but ended in November: hidden as unknown to the shopper, yet not a guess.
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/carts/evaluate", Cart("erin", "FALL15"))).StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
    }

    [Fact]
    public async Task ClippedCoupon_AppliesWithoutTyping_AndCountsOncePerCustomer()
    {
        using var client = _factory.CreateClient();

        var clipped = await client.PostAsJsonAsync("/customers/dora/wallet", new { code = "insta-10" });
        var first = await Json(await client.PostAsJsonAsync("/carts/evaluate", Cart("dora")));
        var reserved = await client.PostAsJsonAsync("/orders/w-1/reserve", Cart("dora"));
        await client.PostAsync("/orders/w-1/commit", null);
        var again = await Json(await client.PostAsJsonAsync("/carts/evaluate", Cart("dora")));

        Assert.Equal(HttpStatusCode.OK, clipped.StatusCode);
        Assert.Equal("INSTA10", (await Json(clipped)).GetProperty("wallet")[0].GetProperty("code").GetString());
        var applied = first.GetProperty("applied").EnumerateArray().Single(a => a.GetProperty("promotionId").GetString() == "insta10");
        Assert.True(applied.GetProperty("fromWallet").GetBoolean());
        Assert.Equal(0, first.GetProperty("codeAttempts").GetProperty("entered").GetInt32());
        Assert.Equal(HttpStatusCode.OK, reserved.StatusCode);
        var rejected = again.GetProperty("rejected").EnumerateArray().Single(r => r.GetProperty("promotionId").GetString() == "insta10");
        Assert.Equal(nameof(RejectionReason.CustomerLimitReached), rejected.GetProperty("reason").GetString());
        Assert.True(rejected.GetProperty("fromWallet").GetBoolean());
    }

    [Fact]
    public async Task Clip_UnknownCodes_AreFailedAttempts_UntilTheClientIsLockedOut()
    {
        using var client = _factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        foreach (var code in new[] { "NOPE1", "NOPE2", "NOPE3", "INSTA10" })
        {
            statuses.Add((await client.PostAsJsonAsync("/customers/erin/wallet", new { code })).StatusCode);
        }

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Clip_BadInput_IsAProblemWithWhatIsWrong()
    {
        using var client = _factory.CreateClient();

        var invisible = await client.PostAsJsonAsync("/customers/gina/wallet", new { code = "INSTA\u200B10" });
        var badCustomer = await client.PostAsJsonAsync("/customers/%20/wallet", new { code = "INSTA10" });
        await client.PostAsJsonAsync("/customers/gina/wallet", new { code = "INSTA10" });
        var twice = await client.PostAsJsonAsync("/customers/gina/wallet", new { code = "INSTA10", validUntil = "2026-12-31T00:00:00Z" });

        Assert.Equal(HttpStatusCode.BadRequest, invisible.StatusCode);
        Assert.Contains("U+200B", (await Json(invisible)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badCustomer.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("twice", (await Json(twice)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_AWalletPostedWithTheCart_IsIgnored()
    {
        using var client = _factory.CreateClient();

        var response = await client.PostAsJsonAsync("/carts/evaluate", new
        {
            currency = "USD",
            lines = new[] { new { id = "1", sku = "jacket", price = 120.00m, quantity = 1 } },
            customerId = "hank",
            wallet = new[] { new { code = "INSTA10" } },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain((await Json(response)).GetProperty("applied").EnumerateArray(), a => a.GetProperty("promotionId").GetString() == "insta10");
    }
}
