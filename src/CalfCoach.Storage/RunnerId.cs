namespace CalfCoach.Storage;

/// <summary>
/// A runner's id: the first column of every runner-owned row's key. The storage layer scopes every statement by the
/// runner its <see cref="Database"/> was opened for, so no caller (no endpoint) can forget to.
/// </summary>
public readonly record struct RunnerId
{
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not a positive id.</exception>
    public RunnerId(long value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
        Value = value;
    }

    public long Value { get; }

    /// <summary>The one runner of a local SQLite file, and the owner of everything stored before runners existed (migration 8).</summary>
    public static RunnerId Local { get; } = new(1);

    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
