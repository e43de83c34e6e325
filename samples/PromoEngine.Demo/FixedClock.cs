using NodaTime;

namespace PromoEngine.Demo;

/// <summary>A clock that always says the same instant, so the demo prints the same thing on every run.</summary>
internal sealed class FixedClock(Instant now) : IClock
{
    public Instant GetCurrentInstant() => now;
}
