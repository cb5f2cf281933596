using System.Diagnostics;

namespace IomDirectory.Server.Tests.Support;

/// <summary>Polls a condition that another process or replica makes true in its own time.</summary>
public static class Eventually
{
    /// <summary>Checks <paramref name="condition"/> every <paramref name="every"/> until it holds; fails the test after <paramref name="within"/>.</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan within, TimeSpan every)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > within) Assert.Fail($"not after {within.TotalSeconds:0} s: {what}");
            await Task.Delay(every);
        }
    }

    /// <summary>Within 30 s, checked every 100 ms.</summary>
    public static Task That(Func<Task<bool>> condition, string what) => HoldsAsync(condition, what, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(100));
}
