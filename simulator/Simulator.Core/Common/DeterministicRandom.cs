namespace Simulator.Core.Common;

/// <summary>
/// xoshiro256** seeded through SplitMix64. Written out here rather than using System.Random so that the same
/// seed gives the same numbers on every .NET version, which the byte-identical journal depends on.
/// <see cref="Derive"/> gives independent streams per entity (a request, a provider), so that a change in one
/// part of a run does not shift the draws of every other part: comparisons across policies stay fair.
/// </summary>
public sealed class DeterministicRandom
{
    private ulong _s0, _s1, _s2, _s3;
    private readonly ulong _seed;

    public DeterministicRandom(ulong seed)
    {
        _seed = seed;
        var x = seed;
        _s0 = SplitMix(ref x); _s1 = SplitMix(ref x); _s2 = SplitMix(ref x); _s3 = SplitMix(ref x);
    }

    public DeterministicRandom Derive(string key) => new(_seed ^ StableHash(key));

    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0; _s3 ^= _s1; _s1 ^= _s2; _s0 ^= _s3; _s2 ^= t; _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => NextDouble() < probability;

    public int NextInt(int maxExclusive) => (int)(NextDouble() * maxExclusive);

    /// <summary>FNV-1a over UTF-16 code units: stable across processes, unlike string.GetHashCode.</summary>
    public static ulong StableHash(string key)
    {
        var h = 14695981039346656037UL;
        foreach (var c in key) { h ^= c; h *= 1099511628211UL; }
        return h;
    }

    private static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
