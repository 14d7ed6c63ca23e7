using System.Globalization;

namespace CalfCoach.Import;

/// <summary>
/// The bytes of activity files every import in this process may hold at once, from read to stored (a file counts its
/// length, a stand-in for its decoded samples too). One instance per process, made by the composition root (the CLI's
/// command, the web app's services) and shared by every <see cref="ActivityImporter"/>: a budget per import would let
/// four uploads of 400 MB files take four times as much.
/// </summary>
/// <remarks>
/// Files are read one at a time across the process (a short lock around reading one file), so at most one file is
/// partly held while waiting; every other byte held belongs to a file already read, which the decoders and the writer
/// release without needing the budget. Waiting therefore always ends: no two readers can each hold half of what the
/// other needs.
/// </remarks>
public sealed class ImportMemoryBudget
{
    /// <summary>The environment variable that sets the budget in MiB (whole number, at least 16).</summary>
    public const string EnvironmentVariable = "CALFCOACH_IMPORT_MEMORY_MB";

    /// <summary>1 GiB: room for two decoders' files and the queue between stages, far below a small machine's memory.</summary>
    public const long DefaultBytes = 1024L * 1024 * 1024;

    private const long MinimumMiB = 16;
    private const long MaximumMiB = 1024L * 1024;

    // Monitor (not Lock): readers wait on it for releases.
    private readonly object _lock = new();
    // Held while one file is read; entered and left on the same thread (reading a file is synchronous).
    private readonly object _reading = new();
    private long _held;

    public ImportMemoryBudget(long capacityBytes = DefaultBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacityBytes, MinimumMiB * 1024 * 1024);
        CapacityBytes = capacityBytes;
    }

    public long CapacityBytes { get; }

    /// <summary>Bytes held now by every import in the process.</summary>
    public long HeldBytes
    {
        get
        {
            lock (_lock)
            {
                return _held;
            }
        }
    }

    /// <summary>
    /// The budget <see cref="EnvironmentVariable"/> asks for, or the default when it is unset or empty.
    /// </summary>
    /// <param name="value">The variable's value (pass <c>Environment.GetEnvironmentVariable(EnvironmentVariable)</c>).</param>
    /// <param name="error">Why a set value cannot be used, naming the variable and what it accepts; null when it can.</param>
    /// <returns>False when the value is set but is not a whole number of MiB in range: the caller reports it and stops, never silently using the default.</returns>
    public static bool TryFromEnvironment(string? value, out ImportMemoryBudget budget, out string? error)
    {
        budget = new ImportMemoryBudget();
        error = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        if (!long.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var mib) || mib < MinimumMiB || mib > MaximumMiB)
        {
            error = $"{EnvironmentVariable}=\"{Shorten(value)}\" is not a memory budget: give a whole number of MiB from {MinimumMiB} to {MaximumMiB} " +
                    $"(for example {EnvironmentVariable}=1024 for the default 1 GiB), or unset it.";
            return false;
        }

        budget = new ImportMemoryBudget(mib * 1024 * 1024);
        return true;
    }

    /// <summary>One import's share of the budget: it knows what that import holds, to decide between waiting and refusing.</summary>
    public Session StartSession(BudgetWait whenFull) => new(this, whenFull);

    private static string Shorten(string value) => value.Length <= 40 ? value : string.Concat(value.AsSpan(0, 40), "…");

    private bool TryTake(long bytes)
    {
        if (_held + bytes > CapacityBytes)
        {
            return false;
        }

        _held += bytes;
        return true;
    }

    private void Give(long bytes)
    {
        lock (_lock)
        {
            _held -= bytes;
            Monitor.PulseAll(_lock);
        }
    }

    /// <summary>What an import does when a file's bytes do not fit.</summary>
    public enum BudgetWait
    {
        /// <summary>Wait until other imports release bytes (the CLI: it has nobody to answer).</summary>
        Wait,

        /// <summary>
        /// Wait only for this import's own files to be stored; when the rest of the budget is held by other imports,
        /// throw <see cref="ImportMemoryBusyException"/> (the web: a 503 with Retry-After beats a request hanging).
        /// </summary>
        RefuseWhenOthersHoldIt,
    }

    /// <summary>The bytes one import holds; leases are taken from it for each file read.</summary>
    public sealed class Session
    {
        private readonly ImportMemoryBudget _budget;
        private readonly BudgetWait _whenFull;
        private readonly Lock _gate = new();
        private long _held;
        private bool _closed;

        internal Session(ImportMemoryBudget budget, BudgetWait whenFull)
        {
            _budget = budget;
            _whenFull = whenFull;
        }

        public long CapacityBytes => _budget.CapacityBytes;

        /// <summary>
        /// Takes the process-wide reading lock for one file and returns a lease that grows as the file's bytes arrive.
        /// Dispose the reader when the file is read; dispose the lease when its bytes are released.
        /// </summary>
        public (IDisposable Reading, Lease Lease) BeginRead(CancellationToken cancellationToken = default)
        {
            while (!Monitor.TryEnter(_budget._reading, TimeSpan.FromMilliseconds(200)))
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            return (new ReadingLock(_budget._reading), new Lease(this));
        }

        /// <summary>
        /// Gives back whatever this import still holds (leases left in a queue by a failed or cancelled import), so a
        /// long-running server never loses budget to an import that ended badly; later releases of its leases do nothing.
        /// </summary>
        public void Close()
        {
            long rest;
            lock (_gate)
            {
                if (_closed)
                {
                    return;
                }

                _closed = true;
                rest = _held;
                _held = 0;
            }

            if (rest > 0)
            {
                _budget.Give(rest);
            }
        }

        internal void Grow(Lease lease, long bytes, CancellationToken cancellationToken)
        {
            var budget = _budget;
            lock (budget._lock)
            {
                while (!budget.TryTake(bytes))
                {
                    var ownOthers = Volatile.Read(ref _held) - lease.Bytes;
                    var everyoneElse = budget._held - lease.Bytes;
                    if (everyoneElse <= 0)
                    {
                        throw new ImportMemoryExceededException(lease.Bytes + bytes, budget.CapacityBytes);
                    }

                    if (ownOthers <= 0 && _whenFull == BudgetWait.RefuseWhenOthersHoldIt)
                    {
                        throw new ImportMemoryBusyException(budget.CapacityBytes);
                    }

                    cancellationToken.ThrowIfCancellationRequested();

                    // Woken by every release; the timeout only bounds how late a cancellation is seen.
                    Monitor.Wait(budget._lock, TimeSpan.FromMilliseconds(200));
                }

                lock (_gate)
                {
                    if (!_closed)
                    {
                        _held += bytes;
                        return;
                    }
                }

                budget._held -= bytes;
            }

            throw new ObjectDisposedException(nameof(Session), "The import this memory was for has ended.");
        }

        /// <summary>Gives bytes back; nothing when the session was closed (<see cref="Close"/> gave them back already).</summary>
        internal void Release(long bytes)
        {
            lock (_gate)
            {
                if (_closed || bytes == 0)
                {
                    return;
                }

                _held -= bytes;
            }

            _budget.Give(bytes);
        }
    }

    /// <summary>The bytes of one file held in memory; grows as they are read, shrinks to nothing when it spills or is disposed.</summary>
    public sealed class Lease : IDisposable
    {
        private readonly Session _session;
        private long _bytes;

        internal Lease(Session session) => _session = session;

        public long Bytes => Volatile.Read(ref _bytes);

        /// <summary>Holds <paramref name="bytes"/> in all, waiting (or refusing) as the session says.</summary>
        /// <exception cref="ImportMemoryExceededException">This file alone needs more than the whole budget.</exception>
        /// <exception cref="ImportMemoryBusyException">Other imports hold the budget and the session refuses to wait.</exception>
        public void GrowTo(long bytes, CancellationToken cancellationToken = default)
        {
            var more = bytes - Volatile.Read(ref _bytes);
            if (more > 0)
            {
                _session.Grow(this, more, cancellationToken);
                Volatile.Write(ref _bytes, bytes);
            }
        }

        /// <summary>Gives back what is held beyond <paramref name="bytes"/> (a buffer returned to the pool).</summary>
        public void ShrinkTo(long bytes)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(bytes);
            var current = Volatile.Read(ref _bytes);
            if (bytes < current)
            {
                Volatile.Write(ref _bytes, bytes);
                _session.Release(current - bytes);
            }
        }

        /// <summary>Gives back everything held (the bytes were returned to the pool, or the file was decoded).</summary>
        public void ReleaseAll() => _session.Release(Interlocked.Exchange(ref _bytes, 0));

        public void Dispose() => ReleaseAll();
    }

    private sealed class ReadingLock(object reading) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Monitor.Exit(reading);
            }
        }
    }
}

/// <summary>One file needs more memory than the whole <see cref="ImportMemoryBudget"/>: the file fails, the import goes on.</summary>
public sealed class ImportMemoryExceededException(long neededBytes, long capacityBytes)
    : Exception($"it needs more than {capacityBytes / (1024 * 1024)} MiB of memory to read, the import memory budget; raise {ImportMemoryBudget.EnvironmentVariable} to import it")
{
    public long NeededBytes { get; } = neededBytes;
}

/// <summary>Other imports hold the process's <see cref="ImportMemoryBudget"/>; try again shortly (the web answers 503).</summary>
public sealed class ImportMemoryBusyException(long capacityBytes)
    : Exception($"the server's import memory ({capacityBytes / (1024 * 1024)} MiB) is in use by other imports; send the files again in a minute (files already stored are skipped)");
