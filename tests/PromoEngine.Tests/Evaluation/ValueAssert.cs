using System;
using Xunit;

namespace PromoEngine.Tests;

/// <summary>Asserts on value equality shared by the value types' tests.</summary>
internal static class ValueAssert
{
    /// <summary>A value with one field changed equals the full one neither way.</summary>
    public static void Differs<T>(T full, T changed, string field)
        where T : IEquatable<T>
    {
        Assert.False(full.Equals(changed), field);
        Assert.False(changed.Equals(full), field);
        Assert.NotEqual(full, changed);
    }
}
