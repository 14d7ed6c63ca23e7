namespace CalfCoach.Core.Analysis;

/// <summary>The metric formulas on their own, over plain series, so each can be checked by hand.</summary>
public static class TrainingMetrics
{
    /// <summary>The Monday starting the ISO week of <paramref name="date"/>.</summary>
    public static DateOnly WeekOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>Percent change from <paramref name="before"/> to <paramref name="now"/>; null when <paramref name="before"/> is not positive.</summary>
    public static double? ChangePercent(double now, double before) => before > 0 ? (now - before) / before * 100 : null;

    /// <summary>EWMA decay λ = 2/(N + 1) (Williams et al. 2017; EVIDENCE.md 3.4).</summary>
    public static double EwmaLambda(int days) => 2.0 / (days + 1);

    /// <summary>
    /// Acute:chronic ratios of a daily load series (index 0 = first day), written into the four outputs
    /// (NaN where undefined). Rolling average, coupled: acute = mean of the last <paramref name="acuteDays"/>
    /// days, chronic = mean of the last <paramref name="chronicDays"/> (including the acute days), defined from
    /// day <paramref name="chronicDays"/> − 1. EWMA: seeded with day 0's load, defined from the same day.
    /// Ratios with chronic below <paramref name="minimumChronic"/> are NaN.
    /// </summary>
    public static void Acwr(
        ReadOnlySpan<double> load,
        int acuteDays,
        int chronicDays,
        double minimumChronic,
        Span<double> rollingRatio,
        Span<double> ewmaRatio)
    {
        if (rollingRatio.Length < load.Length || ewmaRatio.Length < load.Length)
        {
            throw new ArgumentException("Output spans must be as long as the load series.");
        }

        double acuteSum = 0, chronicSum = 0, acuteEwma = 0, chronicEwma = 0;
        double lambdaAcute = EwmaLambda(acuteDays), lambdaChronic = EwmaLambda(chronicDays);
        for (var d = 0; d < load.Length; d++)
        {
            acuteSum += load[d] - (d >= acuteDays ? load[d - acuteDays] : 0);
            chronicSum += load[d] - (d >= chronicDays ? load[d - chronicDays] : 0);
            if (d == 0)
            {
                acuteEwma = chronicEwma = load[0];
            }
            else
            {
                acuteEwma = (lambdaAcute * load[d]) + ((1 - lambdaAcute) * acuteEwma);
                chronicEwma = (lambdaChronic * load[d]) + ((1 - lambdaChronic) * chronicEwma);
            }

            var established = d >= chronicDays - 1;
            var chronicMean = chronicSum / chronicDays;
            rollingRatio[d] = established && chronicMean >= minimumChronic && chronicMean > 0
                ? acuteSum / acuteDays / chronicMean
                : double.NaN;
            ewmaRatio[d] = established && chronicEwma >= minimumChronic && chronicEwma > 0
                ? acuteEwma / chronicEwma
                : double.NaN;
        }
    }

    /// <summary>
    /// Banister TRIMP over a heart-rate histogram: Σ minutes × x × 0.64 × e^(k·x), x = (HR − rest) ÷ (max − rest)
    /// clamped to [0, 1], each bin at its mid heart rate.
    /// </summary>
    public static double BanisterTrimp(IReadOnlyList<HeartRateBin> bins, double restingBpm, double maxBpm, double exponent)
    {
        ArgumentNullException.ThrowIfNull(bins);
        double trimp = 0;
        foreach (var bin in bins)
        {
            trimp += bin.Seconds / 60 * TrimpPerMinute((bin.MidBpm - restingBpm) / (maxBpm - restingBpm), exponent);
        }

        return trimp;
    }

    /// <summary>Banister's weighting for one minute at heart-rate-reserve fraction <paramref name="reserveFraction"/>.</summary>
    public static double TrimpPerMinute(double reserveFraction, double exponent)
    {
        var x = Math.Clamp(reserveFraction, 0, 1);
        return x * 0.64 * Math.Exp(exponent * x);
    }

    /// <summary>Frandsen 2025's band of a run's increase over the 30-day longest (0 none, 1 small, 2 moderate, 3 large), with the percent rounded to 0.1 first.</summary>
    public static int SpikeBand(double increasePercent, AnalysisSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var p = Math.Round(increasePercent, 1);
        return p > settings.LargeSpikePercent ? 3 : p > settings.ModerateSpikePercent ? 2 : p > settings.SmallSpikePercent ? 1 : 0;
    }

    /// <summary>Weighted least squares y = a + b·x; slope 0 (weighted mean) when the weighted SD of x is below <paramref name="minimumSpread"/>.</summary>
    public static (double Intercept, double Slope, bool SlopeEstimated) WeightedLine(
        ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> w, double minimumSpread)
    {
        double sw = 0, sx = 0, sy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sw += w[i];
            sx += w[i] * x[i];
            sy += w[i] * y[i];
        }

        if (sw <= 0)
        {
            return (double.NaN, 0, false);
        }

        double mx = sx / sw, my = sy / sw, sxx = 0, sxy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxx += w[i] * (x[i] - mx) * (x[i] - mx);
            sxy += w[i] * (x[i] - mx) * (y[i] - my);
        }

        if (Math.Sqrt(sxx / sw) < minimumSpread)
        {
            return (my, 0, false);
        }

        var slope = sxy / sxx;
        return (my - (slope * mx), slope, true);
    }

    /// <summary>Median of the values (sorts the span in place).</summary>
    public static double Median(Span<double> values)
    {
        if (values.IsEmpty)
        {
            return double.NaN;
        }

        values.Sort();
        var mid = values.Length / 2;
        return values.Length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
