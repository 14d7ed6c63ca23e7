namespace CalfCoach.Core.Analysis;

/// <summary>
/// Five intensity zones, easiest first, for "time in zones per week". With heart rate they follow the
/// common heart-rate-reserve bands (Karvonen: &lt;60, 60–70, 70–80, 80–90, ≥90 % of reserve); without it,
/// speed relative to the runner's own easy speed (&lt;0.95, 0.95–1.05, 1.05–1.12, 1.12–1.25, ≥1.25 × easy),
/// a heuristic chosen so that the tempo threshold (<see cref="AnalysisSettings.TempoSpeedFactor"/>, 1.12)
/// starts zone 4 in both.
/// </summary>
public static class IntensityZones
{
    public const int Count = 5;

    private static readonly double[] ReserveUpperBounds = [0.60, 0.70, 0.80, 0.90];
    private static readonly double[] EasySpeedUpperBounds = [0.95, 1.05, 1.12, 1.25];

    /// <returns>The zone index 0–4 for a fraction of heart-rate reserve ((HR − rest) ÷ (max − rest)).</returns>
    public static int OfHeartRateReserve(double reserveFraction) => Zone(reserveFraction, ReserveUpperBounds);

    /// <returns>The zone index 0–4 for a speed divided by the runner's easy speed.</returns>
    public static int OfSpeedRelativeToEasy(double relativeSpeed) => Zone(relativeSpeed, EasySpeedUpperBounds);

    private static int Zone(double value, double[] upperBounds)
    {
        if (double.IsNaN(value))
        {
            return 0;
        }

        for (var zone = 0; zone < upperBounds.Length; zone++)
        {
            if (value < upperBounds[zone])
            {
                return zone;
            }
        }

        return upperBounds.Length;
    }
}
