namespace CalfCoach.Storage.Tests;

/// <summary>
/// The storage suite, written against <see cref="Database"/> and <see cref="ActivityStore"/> only, so that
/// every database runs the same tests: a subclass says how to open a fresh, empty database for one test.
/// </summary>
public abstract partial class StoreTests : IDisposable
{
    protected static readonly DateTimeOffset Now = new(2025, 3, 14, 9, 26, 53, 589, TimeSpan.Zero);

    private readonly List<Database> _opened = [];

    private protected ManualTimeProvider Clock { get; } = new(Now);

    /// <summary>Opens another <see cref="Database"/> on this test's storage (created empty on first open).</summary>
    protected abstract Database OpenDatabaseCore(TimeProvider timeProvider);

    protected Database OpenDatabase()
    {
        var database = OpenDatabaseCore(Clock);
        _opened.Add(database);
        return database;
    }

    protected ActivityStore OpenStore() => new(OpenDatabase());

    public void Dispose()
    {
        foreach (var database in _opened)
        {
            database.Dispose();
        }

        DisposeStorage();
        GC.SuppressFinalize(this);
    }

    protected virtual void DisposeStorage()
    {
    }
}
