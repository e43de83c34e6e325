using System.Threading.Tasks;
using NodaTime;
using PromoEngine.Testing;
using Xunit;

namespace PromoEngine.PostgreSql.Tests;

/// <summary>Runs the ledger contract (PromoEngine.Testing) against <see cref="PostgreSqlRedemptionLedger"/> on a real
/// server, each test on a schema of its own.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlLedgerContractTests(PostgresFixture fixture) : RedemptionLedgerContract
{
    protected override async ValueTask<IRedemptionLedger> CreateLedgerAsync(IClock clock, Duration timeout) =>
        await fixture.CreateLedgerAsync(clock, timeout);
}
