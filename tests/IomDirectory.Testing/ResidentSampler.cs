using System.Diagnostics;

namespace IomDirectory.Testing;

/// <summary>
/// Samples a process's resident memory in the background while a phase of work runs. Under steady load a server's
/// RSS moves up and down by several percent as its GC grows and reuses the young generations' budgets, so one
/// sample lands anywhere in that band; the median of the samples over the second half of the phase is the level
/// the process sits at by its end.
/// </summary>
public sealed class ResidentSampler
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly List<(TimeSpan At, long Bytes)> _samples = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stop = new();
    private readonly int _pid;
    private readonly Task _loop;

    private ResidentSampler(int pid)
    {
        _pid = pid;
        _loop = SampleAsync();
    }

    /// <summary>Runs <paramref name="phase"/> while sampling; returns its result and the median RSS of the phase's second half.</summary>
    public static async Task<(T Result, long Resident)> DuringAsync<T>(int pid, Func<Task<T>> phase)
    {
        var sampler = new ResidentSampler(pid);
        T result;
        try
        {
            result = await phase();
        }
        finally
        {
            await sampler._stop.CancelAsync();
            await sampler._loop;
            sampler._stop.Dispose();
        }
        return (result, sampler.MedianOfSecondHalf());
    }

    private long MedianOfSecondHalf()
    {
        Add();
        var half = _clock.Elapsed / 2;
        return (long)Stats.Median(_samples.Where(s => s.At >= half).Select(s => (double)s.Bytes));
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token)) Add();
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Add() => _samples.Add((_clock.Elapsed, ResidentMemory.Of(_pid)));
}
