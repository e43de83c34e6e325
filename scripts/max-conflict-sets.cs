// The most maximal sets of mutually combinable promotions that Combination.Combinable can meet, counted over every way
// to choose at most 12 promotions (past 12 in conflict it does not enumerate). Run: dotnet run scripts/max-conflict-sets.cs
//
// A promotion is of a kind: its class (Item, Order, Shipping) and the classes it combines with (a subset of the three),
// 24 kinds; p and q combine when each combines with the other's class. Copies of a kind that combines with its own
// class combine with each other and with the same others, so they are always together in a maximal set: such a kind
// counts only as present or not. Copies of a kind that does not combine with its own class never combine with each
// other, so a maximal set takes one of them: each copy multiplies the sets the kind is in. The count is, over the
// maximal sets of kinds (Bron-Kerbosch), the product of the copies of the kinds of the second sort in each; every set of
// kinds of at most 12 is tried, each with every way to spread the rest of the 12 as copies.
// Output (2026-12-07): 9,740,685 sets of kinds; the most is 64, so MaxConflictSubsets (64) is never passed.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;

const int Kinds = 24;
const int MostPromotions = 12;
var combinesWith = new int[Kinds];
for (var a = 0; a < Kinds; a++)
{
    for (var b = 0; b < Kinds; b++)
    {
        if (a != b && Accepts(a, b) && Accepts(b, a))
        {
            combinesWith[a] |= 1 << b;
        }
    }
}

var most = 0L;
var mostText = string.Empty;
var kindSets = 0L;
var maximal = new List<int>();
var copies = new int[Kinds];
ChooseKinds(0, 0, 0);
Console.WriteLine($"sets of kinds tried: {kindSets:N0}; the most maximal sets: {most} ({mostText})");

// Kind k: class k / 8 (0 Item, 1 Order, 2 Shipping); combining classes k % 8, one bit per class.
static bool Accepts(int kind, int other) => ((kind % 8) & (1 << (other / 8))) != 0;

static bool CopiesMultiply(int kind) => !Accepts(kind, kind);

void ChooseKinds(int kind, int chosen, int count)
{
    if (kind == Kinds)
    {
        if (chosen != 0)
        {
            kindSets++;
            maximal.Clear();
            MaximalSets(0, chosen, 0);
            var multiplying = new List<int>();
            for (var k = 0; k < Kinds; k++)
            {
                if ((chosen >> k & 1) != 0 && CopiesMultiply(k))
                {
                    multiplying.Add(k);
                    copies[k] = 1;
                }
            }

            SpreadCopies(multiplying, 0, MostPromotions - count, chosen);
        }

        return;
    }

    ChooseKinds(kind + 1, chosen, count);
    if (count < MostPromotions)
    {
        ChooseKinds(kind + 1, chosen | (1 << kind), count + 1);
    }
}

// Bron-Kerbosch with a pivot over the kinds: r the set so far, p the kinds that may join it, x those already tried.
void MaximalSets(int r, int p, int x)
{
    if (p == 0 && x == 0)
    {
        maximal.Add(r);
        return;
    }

    var pivot = BitOperations.TrailingZeroCount(p | x);
    var candidates = p & ~combinesWith[pivot];
    while (candidates != 0)
    {
        var v = BitOperations.TrailingZeroCount(candidates);
        candidates &= candidates - 1;
        MaximalSets(r | (1 << v), p & combinesWith[v], x & combinesWith[v]);
        p &= ~(1 << v);
        x |= 1 << v;
    }
}

// Every way to give the kinds whose copies multiply the promotions still free (more copies never make fewer sets, so
// all are given).
void SpreadCopies(List<int> multiplying, int at, int free, int chosen)
{
    if (multiplying.Count == 0 || at == multiplying.Count - 1)
    {
        var last = multiplying.Count == 0 ? -1 : multiplying[at];
        if (last >= 0)
        {
            copies[last] += free;
        }

        Count(chosen);
        if (last >= 0)
        {
            copies[last] -= free;
        }

        return;
    }

    for (var extra = 0; extra <= free; extra++)
    {
        copies[multiplying[at]] += extra;
        SpreadCopies(multiplying, at + 1, free - extra, chosen);
        copies[multiplying[at]] -= extra;
    }
}

void Count(int chosen)
{
    var sets = 0L;
    foreach (var set in maximal)
    {
        var product = 1L;
        for (var rest = set; rest != 0; rest &= rest - 1)
        {
            var k = BitOperations.TrailingZeroCount(rest);
            product *= CopiesMultiply(k) ? copies[k] : 1;
        }

        sets += product;
    }

    if (sets > most)
    {
        most = sets;
        var kinds = new List<string>();
        for (var k = 0; k < Kinds; k++)
        {
            if ((chosen >> k & 1) != 0)
            {
                kinds.Add($"{"IOS"[k / 8]} with {(k % 8 == 0 ? "none" : string.Concat(new[] { 0, 1, 2 }.Where(c => (k % 8 & (1 << c)) != 0).Select(c => "IOS"[c])))} x{(CopiesMultiply(k) ? copies[k] : 1)}");
            }
        }

        mostText = string.Join(", ", kinds);
    }
}
