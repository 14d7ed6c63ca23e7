using System.Collections.Concurrent;
using CalfCoach.Storage;

namespace CalfCoach.Web.Services;

/// <summary>
/// Each runner's <see cref="RunnerData"/>, over a database handle scoped to that runner, kept between requests so a
/// runner's analysis is computed once while their data are unchanged. The only way the app reaches stored data: a
/// request gets the signed-in runner's (<see cref="Accounts.CurrentRunner"/>), and the stores below it scope every statement by
/// that runner, so no route can read another runner's rows whatever it asks for.
/// </summary>
public sealed class RunnerDirectory(CalfCoachWebOptions options)
{
    /// <summary>How many runners' analyses are kept at once; past it, the least recently used are dropped (and recomputed when asked).</summary>
    public const int Capacity = 256;

    private readonly ConcurrentDictionary<RunnerId, Entry> _runners = new();

    /// <summary>The runner's data; created (cheaply: nothing is read until asked) on first use.</summary>
    public RunnerData For(RunnerId runner)
    {
        var entry = _runners.GetOrAdd(runner, id => new Entry(new RunnerData(options, options.Database.ForRunner(id))));
        entry.LastUsed = Environment.TickCount64;
        if (_runners.Count > Capacity)
        {
            Trim();
        }

        return entry.Data;
    }

    /// <summary>Drops a runner's cached analysis (their account was deleted): nothing of theirs stays in this process's memory.</summary>
    public void Forget(RunnerId runner) => _runners.TryRemove(runner, out _);

    private void Trim()
    {
        // Rare (a new runner past the capacity), so a sort is fine; a race at worst drops one more than needed.
        foreach (var stale in _runners.OrderBy(r => r.Value.LastUsed).Take(_runners.Count - Capacity))
        {
            _runners.TryRemove(stale.Key, out _);
        }
    }

    private sealed class Entry(RunnerData data)
    {
        public RunnerData Data { get; } = data;

        public long LastUsed { get; set; }
    }
}

/// <summary>
/// The request's account owns no runner data (a clinician or an admin): every runner route answers 404, as for data that
/// is not theirs.
/// </summary>
public sealed class NoRunnerDataException : Exception
{
    public NoRunnerDataException()
        : base("This account has no runner data of its own.")
    {
    }

    public NoRunnerDataException(string message)
        : base(message)
    {
    }

    public NoRunnerDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
