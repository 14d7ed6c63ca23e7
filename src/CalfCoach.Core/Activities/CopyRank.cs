namespace CalfCoach.Core.Activities;

/// <summary>
/// Orders two copies of the same run (a FIT file and its GPX export, say) so that exactly one is kept, and
/// the same one whichever was imported first: more recorded points first, then the richer format (FIT over
/// TCX over GPX), then the content hash, so two copies never tie.
/// </summary>
/// <remarks>
/// A total order matters when two imports race: each decides alone, inside its own write transaction, and
/// both must come to the same answer for the stored history not to depend on which process won the lock.
/// </remarks>
/// <param name="Richness">See <see cref="Activity.Richness"/>.</param>
/// <param name="Format">The source format's wire name (<c>fit</c>, <c>tcx</c>, <c>gpx</c>, …).</param>
public readonly record struct CopyRank(long Richness, string Format, string ContentSha256) : IComparable<CopyRank>
{
    public static CopyRank Of(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return new(activity.Richness, activity.Source.Format, activity.Source.ContentSha256);
    }

    public int CompareTo(CopyRank other)
    {
        var byRichness = Richness.CompareTo(other.Richness);
        if (byRichness != 0)
        {
            return byRichness;
        }

        var byFormat = FormatRank(Format).CompareTo(FormatRank(other.Format));
        if (byFormat != 0)
        {
            return byFormat;
        }

        // Arbitrary but fixed: the smaller hash ranks higher.
        return string.CompareOrdinal(other.ContentSha256, ContentSha256);
    }

    /// <summary>True when this copy should replace <paramref name="other"/>.</summary>
    public bool Beats(CopyRank other) => CompareTo(other) > 0;

    /// <summary>A device's own recording keeps more than an export of it: FIT over TCX over GPX.</summary>
    private static int FormatRank(string format) => format switch
    {
        "fit" => 3,
        "tcx" => 2,
        "gpx" => 1,
        _ => 0,
    };

    public static bool operator <(CopyRank left, CopyRank right) => left.CompareTo(right) < 0;

    public static bool operator >(CopyRank left, CopyRank right) => left.CompareTo(right) > 0;

    public static bool operator <=(CopyRank left, CopyRank right) => left.CompareTo(right) <= 0;

    public static bool operator >=(CopyRank left, CopyRank right) => left.CompareTo(right) >= 0;
}
