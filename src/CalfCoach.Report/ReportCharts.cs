using System.Globalization;
using CalfCoach.Core;
using CalfCoach.Core.Analysis;
using ScottPlot;
using SkiaSharp;

namespace CalfCoach.Report;

/// <summary>One chart of the report (and of the web dashboard): inline SVG, or a short note when there is nothing to draw.</summary>
/// <param name="Id">One of <see cref="ReportChartIds"/>.</param>
/// <param name="Svg">Inline SVG markup (already safe to embed), or null when <paramref name="EmptyNote"/> is shown instead.</param>
public sealed record ChartFigure(string Id, string Caption, string? Svg, string? EmptyNote);

/// <summary>
/// The five charts of issue 4 §5, drawn with ScottPlot into SVG. Colours are Paul Tol's colour-blind-safe
/// "bright" scheme, and every colour is backed by a legend entry, a line style or a text label.
/// </summary>
internal static class ReportCharts
{
    private static readonly Color Blue = Color.FromHex("#4477AA");
    private static readonly Color Red = Color.FromHex("#EE6677");
    private static readonly Color Green = Color.FromHex("#228833");
    private static readonly Color Purple = Color.FromHex("#AA3377");
    private static readonly Color Grey = Color.FromHex("#555555");

    /// <summary>
    /// The face ScottPlot measures text with; the SVG names it first, then Arial (Liberation Sans has Arial's metrics),
    /// so glyph positions fit wherever the report is opened. ScottPlot's own "sans" detection falls back to a serif face
    /// on Linux, hence the explicit list.
    /// </summary>
    private static readonly string ChartFont =
        new[] { "Liberation Sans", "Arial", "Helvetica", "DejaVu Sans" }.FirstOrDefault(IsInstalled) ?? Fonts.Default;

    private static readonly (string Id, Func<AnalysisResult, ReportOptions, ChartCanvas, ChartFigure> Draw)[] Charts =
    [
        (ReportChartIds.WeeklyDistance, WeeklyDistance),
        (ReportChartIds.WorkloadRatio, WorkloadRatio),
        (ReportChartIds.CadenceOverTime, CadenceOverTime),
        (ReportChartIds.CadenceBySpeed, CadenceBySpeed),
        (ReportChartIds.ShoeDistance, ShoeDistance),
    ];

    public static IReadOnlyList<ChartFigure> All(AnalysisResult analysis, ReportOptions options) => Only(analysis, options, ReportChartIds.All);

    /// <summary>The charts named by <paramref name="ids"/> (<see cref="ReportChartIds"/>), in the report's order; the others are not drawn.</summary>
    /// <remarks>
    /// Each figure's <see cref="ChartFigure.Svg"/> holds two SVGs, the page's (class <c>chart-wide</c>) and the phone's
    /// (<c>chart-narrow</c>); the stylesheet shows one. The caption is the page's.
    /// </remarks>
    public static IReadOnlyList<ChartFigure> Only(AnalysisResult analysis, ReportOptions options, IReadOnlyCollection<string> ids)
    {
        var chosen = Charts.Where(c => ids.Contains(c.Id)).Select(c => c.Draw).ToArray();
        var phoneWeeks = options.ChartWeeks is { } weeks ? Math.Min(weeks, ChartCanvas.NarrowWeeks) : ChartCanvas.NarrowWeeks;
        var phoneOptions = options with { ChartWeeks = phoneWeeks };

        // Every drawing is its own ScottPlot Plot over a result nobody changes, so the page's and the phone's drawings of
        // all the charts are made side by side: drawing them twice then costs no more wall time than once on two cores.
        var drawings = new ChartFigure[chosen.Length * 2];
        Parallel.For(0, drawings.Length, i => drawings[i] = i % 2 == 0
            ? chosen[i / 2](analysis, options, ChartCanvas.Wide)
            : chosen[i / 2](analysis, phoneOptions, ChartCanvas.Narrow));
        return [.. chosen.Select((draw, i) => Both(draw, analysis, options, drawings[2 * i], drawings[(2 * i) + 1]))];
    }

    private static ChartFigure Both(
        Func<AnalysisResult, ReportOptions, ChartCanvas, ChartFigure> draw, AnalysisResult analysis, ReportOptions options, ChartFigure wide, ChartFigure narrow)
    {
        if (wide.Svg is null)
        {
            return wide;
        }

        // No runs in the last 12 weeks, yet some before: the phone shows the page's period too.
        narrow = narrow.Svg is null ? draw(analysis, options, ChartCanvas.Narrow) : narrow;
        return wide with { Svg = wide.Svg + "\n" + narrow.Svg };
    }

    /// <summary>The first day the time charts show.</summary>
    public static DateOnly ChartStart(AnalysisResult analysis, ReportOptions options) =>
        options.ChartWeeks is { } weeks ? TrainingMetrics.WeekOf(analysis.AsOf).AddDays(-7 * (weeks - 1)) : DateOnly.MinValue;

    private static ChartFigure WeeklyDistance(AnalysisResult analysis, ReportOptions options, ChartCanvas canvas)
    {
        const string id = ReportChartIds.WeeklyDistance;
        var start = ChartStart(analysis, options);
        var weeks = analysis.Weeks.Where(w => w.Monday >= start).ToList();
        if (weeks.Count == 0 || weeks.All(w => w.DistanceKilometers <= 0))
        {
            return Empty(id, "Weekly running distance", "Not enough data: no runs in the period shown.");
        }

        var spikeMondays = analysis.SpikeWeeks();

        var unit = options.Units;
        var plot = NewPlot(canvas.Pick("Weekly running distance", $"Weekly distance, last {weeks.Count} weeks"), "Week (Monday)", $"Distance ({DistanceText.Symbol(unit)})");
        var bars = weeks.Select(w =>
        {
            var spike = spikeMondays.Contains(w.Monday);
            return new Bar
            {
                Position = X(w.Monday.AddDays(3)),
                Value = DistanceText.FromKilometers(w.DistanceKilometers, unit),
                Size = 6,
                FillColor = spike ? Red : Blue,
                LineWidth = 0,
                // On a phone a bar is narrower than the word: the colour and the legend say it there.
                Label = spike && !canvas.IsNarrow ? "spike" : string.Empty,
            };
        }).ToList();
        LabelSize(plot.Add.Bars(bars), canvas);
        _ = DateAxis(plot, canvas, weeks[0].Monday, weeks[^1].Monday.AddDays(7));
        plot.Axes.SetLimitsY(0, DistanceText.FromKilometers(weeks.Max(w => w.DistanceKilometers), unit) * 1.35);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "Week", FillColor = Blue });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = canvas.Pick("Week with a distance or long-run spike (labelled \"spike\")", "Week with a spike"), FillColor = Red });
        AddOnset(plot, analysis.Onset, start);
        ShowLegend(plot, canvas, Alignment.UpperLeft);

        var spikes = weeks.Where(w => spikeMondays.Contains(w.Monday)).Select(w => IsoDate.ToText(w.Monday)).ToList();
        var caption = $"{DistanceText.Name(unit)} run in each local week (Monday to Sunday). "
            + (spikes.Count > 0
                ? $"Red weeks (marked \"spike\" where the chart is wide enough) hold a weekly-distance or long-run spike from the findings (weeks of {string.Join(", ", spikes)})."
                : "No week in this period holds a weekly-distance or long-run spike.");
        return Figure(canvas, id, plot, caption, "Bar chart of weekly running distance");
    }

    private static ChartFigure WorkloadRatio(AnalysisResult analysis, ReportOptions options, ChartCanvas canvas)
    {
        const string id = ReportChartIds.WorkloadRatio;
        var start = ChartStart(analysis, options);
        var days = analysis.Days.Where(d => d.Date >= start).ToList();
        var ewma = days.Where(d => d.EwmaRatioDistance is not null).ToList();
        var rolling = days.Where(d => d.RollingRatioDistance is not null).ToList();
        if (ewma.Count == 0 && rolling.Count == 0)
        {
            return Empty(id, "Acute:chronic workload ratio",
                $"Not enough data: the ratio needs {options.Settings.ChronicDays} days of running history with at least {Number(DistanceText.FromKilometers(options.Settings.AcwrMinimumChronicKilometersPerDay, options.Units))} {DistanceText.Symbol(options.Units)} a day on average.");
        }

        var plot = NewPlot(canvas.Pick("Acute:chronic workload ratio (distance)", "Workload ratio (distance)"), "Date", "Ratio (7-day : 28-day load)");
        var high = options.Settings.AcwrHighRatio;
        var top = Math.Max(high + 0.5, days.Max(d => Math.Max(d.EwmaRatioDistance ?? 0, d.RollingRatioDistance ?? 0)) + 0.1);

        var (left, right) = DateAxis(plot, canvas, days[0].Date, days[^1].Date.AddDays(1));
        Band(plot, left, right, options.Settings.AcwrUsualLow, options.Settings.AcwrUsualHigh, Green, canvas.Pick($"{Number(options.Settings.AcwrUsualLow)}–{Number(options.Settings.AcwrUsualHigh)} \"sweet spot\" (contested)", $"{Number(options.Settings.AcwrUsualLow)}–{Number(options.Settings.AcwrUsualHigh)} (contested)"));
        Band(plot, left, right, high, top, Red, canvas.Pick($"{Number(high)} and above \"danger zone\" (contested)", $"{Number(high)} and above (contested)"));

        if (ewma.Count > 0)
        {
            var line = plot.Add.Scatter(ewma.Select(d => X(d.Date)).ToArray(), ewma.Select(d => d.EwmaRatioDistance!.Value).ToArray(), Blue);
            line.LegendText = "Exponentially weighted (solid)";
            line.LineWidth = 2;
            line.MarkerSize = 0;
        }

        if (rolling.Count > 0)
        {
            var line = plot.Add.Scatter(rolling.Select(d => X(d.Date)).ToArray(), rolling.Select(d => d.RollingRatioDistance!.Value).ToArray(), Purple);
            line.LegendText = "Rolling average (dashed)";
            line.LineWidth = 2;
            line.LinePattern = LinePattern.Dashed;
            line.MarkerSize = 0;
        }

        plot.Axes.SetLimitsY(0, top);
        AddOnset(plot, analysis.Onset, start);
        ShowLegend(plot, canvas, Alignment.LowerLeft);
        var caption = "Distance run in the last 7 days against the last 28 days, as a rolling average and exponentially weighted. "
            + $"The shaded bands ({Number(options.Settings.AcwrUsualLow)}–{Number(options.Settings.AcwrUsualHigh)} and {Number(high)} and above) come from team sports and are contested: "
            + "later analyses found the ratio a poor predictor of injury, and in runners the single-run spike predicts better. " // EVIDENCE.md 3.4
            + "Read the line as a picture of how quickly load changed, not as a risk score.";
        return Figure(canvas, id, plot, caption, "Line chart of the acute to chronic workload ratio with shaded bands");
    }

    private static ChartFigure CadenceOverTime(AnalysisResult analysis, ReportOptions options, ChartCanvas canvas)
    {
        const string id = ReportChartIds.CadenceOverTime;
        var start = ChartStart(analysis, options);
        var runs = analysis.Runs.Where(r => r.Date >= start && r.CadenceAtEasySpeed is not null).ToList();
        if (runs.Count == 0 || analysis.Cadence is not { } cadence)
        {
            return Empty(id, "Cadence at easy pace over time",
                $"Not enough data: cadence needs at least {options.Settings.CadenceMinimumRuns} runs recorded with cadence in the {options.Settings.CadenceFitDays / 7} weeks before the onset.");
        }

        var plot = NewPlot("Cadence at easy pace, run by run", "Date", "Cadence (steps per minute)");
        var points = plot.Add.ScatterPoints(runs.Select(r => X(r.Date)).ToArray(), runs.Select(r => r.CadenceAtEasySpeed!.Value).ToArray(), Blue);
        points.LegendText = canvas.Pick("Run (cadence moved to easy pace)", "Run, at easy pace");
        points.MarkerSize = 7;
        points.MarkerShape = MarkerShape.FilledCircle;
        var low = AddLowCadence(plot, options, canvas);
        _ = DateAxis(plot, canvas, start == DateOnly.MinValue ? runs[0].Date : start, analysis.AsOf.AddDays(1));
        AddOnset(plot, analysis.Onset, start);
        ShowLegend(plot, canvas, Alignment.LowerLeft);

        var ys = runs.Select(r => r.CadenceAtEasySpeed!.Value).Append(low).ToList();
        plot.Axes.SetLimitsY(Math.Floor(ys.Min() - 5), Math.Ceiling(ys.Max() + 5));
        var trend = cadence.TrendStepsPerMinutePerMonth is { } t
            ? $" Over the last 26 weeks cadence changed by {Number(t, "+0.0;-0.0;0.0")} steps per minute a month."
            : string.Empty;
        var caption = $"Each run's cadence moved along your cadence-speed line to your easy pace ({Pace(cadence.EasySpeedMetersPerSecond, options.Units)}), so runs at different speeds compare like with like. "
            + $"At easy pace you take about {Number(cadence.CadenceAtEasySpeed, "0")} steps per minute (± {Number(cadence.StandardErrorStepsPerMinute, "0.0")}). "
            + $"The dashed line is where cadence counts as low ({Number(low, "0")} steps per minute, from a small study).{trend}"; // EVIDENCE.md 5.1
        return Figure(canvas, id, plot, caption, "Scatter chart of cadence at easy pace against date");
    }

    private static ChartFigure CadenceBySpeed(AnalysisResult analysis, ReportOptions options, ChartCanvas canvas)
    {
        const string id = ReportChartIds.CadenceBySpeed;
        var from = analysis.Onset.AddDays(-options.Settings.CadenceFitDays);
        var runs = analysis.Runs
            .Where(r => r.Date > from && r.Date <= analysis.Onset && r.MedianCadenceStepsPerMinute is not null && r.AvgSpeedMetersPerSecond is not null)
            .ToList();
        if (runs.Count == 0 || analysis.Cadence is not { } cadence)
        {
            return Empty(id, "Cadence against speed",
                $"Not enough data: cadence needs at least {options.Settings.CadenceMinimumRuns} runs recorded with cadence in the {options.Settings.CadenceFitDays / 7} weeks before the onset.");
        }

        // Each run's own measured values: average speed and median cadence at running speed.
        var speeds = runs.Select(r => r.AvgSpeedMetersPerSecond!.Value).ToArray();
        var cadences = runs.Select(r => r.MedianCadenceStepsPerMinute!.Value).ToArray();

        // Plotted against speed (the fit is linear in speed) but labelled in pace, the unit runners read.
        var plot = NewPlot("Cadence against pace", canvas.Pick($"Average pace (min/{DistanceText.Symbol(options.Units)}; faster to the right)", $"Pace (min/{DistanceText.Symbol(options.Units)}), faster →"), "Cadence (steps per minute)");
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = v => v > 0 ? DistanceText.PaceClock(v, options.Units) : string.Empty,
        };
        var points = plot.Add.ScatterPoints(speeds, cadences, Blue);
        points.LegendText = canvas.Pick($"Run in the {options.Settings.CadenceFitDays / 7} weeks before the onset", "Run before the pain began");
        points.MarkerSize = 7;
        points.MarkerShape = MarkerShape.FilledCircle;

        var xMin = Math.Min(speeds.Min(), cadence.EasySpeedMetersPerSecond) - 0.2;
        var xMax = Math.Max(speeds.Max(), cadence.EasySpeedMetersPerSecond) + 0.2;
        double Fit(double v) => cadence.InterceptStepsPerMinute + (cadence.SlopeStepsPerMinutePerMeterPerSecond * v);
        var fit = plot.Add.Line(xMin, Fit(xMin), xMax, Fit(xMax));
        fit.Color = Grey;
        fit.LineWidth = 2;
        fit.LegendText = cadence.SlopeEstimated ? "Fitted line (solid)" : canvas.Pick("Flat line (too little speed spread to fit a slope)", "Flat line (too little spread)");

        var easy = plot.Add.ScatterPoints(new[] { cadence.EasySpeedMetersPerSecond }, new[] { cadence.CadenceAtEasySpeed }, Red);
        easy.MarkerShape = MarkerShape.FilledDiamond;
        easy.MarkerSize = 12;
        easy.LegendText = canvas.Pick($"At easy pace: {Number(cadence.CadenceAtEasySpeed, "0")} steps per minute (diamond)", $"Easy pace: {Number(cadence.CadenceAtEasySpeed, "0")} steps a minute");
        var low = AddLowCadence(plot, options, canvas);
        ShowLegend(plot, canvas, Alignment.LowerRight);

        var ys = cadences.Append(low).Append(cadence.CadenceAtEasySpeed).ToList();
        plot.Axes.SetLimits(xMin, xMax, Math.Floor(ys.Min() - 5), Math.Ceiling(ys.Max() + 5));
        var caption = $"Each point is a run at its average speed; the line is cadence against speed fitted over the {options.Settings.CadenceFitDays / 7} weeks before the onset "
            + $"({FindingText.Count(cadence.Runs, "run", "runs")}; about {Number(StepsPerPaceStep(cadence, options.Units), "0.#")} steps per minute more for each {PaceStepSeconds} s per {DistanceText.Symbol(options.Units)} faster). "
            + "Most runners step a little quicker as they run faster, so you are compared with yourself at your own easy pace, not with a fixed number.";
        return Figure(canvas, id, plot, caption, "Scatter chart of cadence against running pace with a fitted line");
    }

    private static ChartFigure ShoeDistance(AnalysisResult analysis, ReportOptions options, ChartCanvas canvas)
    {
        const string id = ReportChartIds.ShoeDistance;
        var shoes = analysis.Shoes;
        if (shoes.Count == 0)
        {
            return Empty(id, "Shoe distance", "Not enough data: no shoes are recorded. Add them with `calfcoach shoes add`.");
        }

        // Compared in kilometres (as the analysis does), drawn and labelled in the runner's unit.
        var unit = options.Units;
        var symbol = DistanceText.Symbol(unit);
        var reviewKm = options.ShoeReviewKilometers;
        var replaceKm = options.ShoeReplaceKilometers;
        var review = DistanceText.FromKilometers(reviewKm, unit);
        var replace = DistanceText.FromKilometers(replaceKm, unit);
        var plot = NewPlot("Distance per shoe", $"Distance ({symbol})", string.Empty);
        Band(plot, review, replace, -0.6, shoes.Count - 0.4, Red, canvas.Pick($"Replacement range {Number(review, "0")}–{Number(replace, "0")} {symbol} (shaded, dashed edges)", $"Replace: {Number(review, "0")}–{Number(replace, "0")} {symbol}"));

        var bars = shoes.Select((s, i) => new Bar
        {
            Position = shoes.Count - 1 - i,
            Value = DistanceText.FromKilometers(s.Kilometers, unit),
            Size = 0.5,
            FillColor = s.Kilometers >= replaceKm ? Red : s.Kilometers >= reviewKm ? Purple : Blue,
            LineWidth = 0,
            Label = $"{Number(DistanceText.FromKilometers(s.Kilometers, unit), "0")} {symbol}{(canvas.IsNarrow ? string.Empty : s.Kilometers >= replaceKm ? " (past replacement)" : s.Kilometers >= reviewKm ? " (review)" : string.Empty)}",
        }).ToList();
        var barPlot = plot.Add.Bars(bars);
        LabelSize(barPlot, canvas);
        barPlot.Horizontal = true;
        plot.Axes.Left.SetTicks(
            [.. shoes.Select((_, i) => (double)(shoes.Count - 1 - i))],
            [.. shoes.Select(s => Shorten(s.Retired ? $"{s.Name} (retired)" : s.Name, canvas.IsNarrow ? 14 : 28))]);
        plot.Axes.Left.MajorTickStyle.Length = 0;

        plot.Add.VerticalLine(review, 1.5f, Grey, LinePattern.Dashed);
        plot.Add.VerticalLine(replace, 1.5f, Grey, LinePattern.Dashed);

        var xMax = Math.Max(replace * 1.35, DistanceText.FromKilometers(shoes.Max(s => s.Kilometers), unit) * (canvas.IsNarrow ? 1.7 : 1.5));
        plot.Axes.SetLimits(0, xMax, -0.6, shoes.Count - 0.4);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "Shoe", FillColor = Blue });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = canvas.Pick("Past the review distance", "Due for review"), FillColor = Purple });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = canvas.Pick("Past the replacement distance", "Due for replacing"), FillColor = Red });
        ShowLegend(plot, canvas, Alignment.LowerCenter);
        var caption = $"{DistanceText.Name(unit)} on each shoe on {IsoDate.ToText(analysis.AsOf)}, including any distance it had before its first recorded run. "
            + $"Review a shoe at about {Number(review, "0")} {symbol} and replace it by about {Number(replace, "0")} {symbol}, sooner if the midsole is creased."; // EVIDENCE.md 6
        return Figure(canvas, id, plot, caption, "Horizontal bar chart of distance per shoe with the replacement range marked");
    }

    private static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set(ChartFont);
        plot.Title(title);
        plot.XLabel(xLabel);
        if (yLabel.Length > 0)
        {
            plot.YLabel(yLabel);
        }

        return plot;
    }

    /// <summary>
    /// A phone's text sizes, set just before drawing: a date axis replaces the bottom axis (and its text style) after
    /// <see cref="NewPlot"/>.
    /// </summary>
    private static void SizeText(Plot plot, ChartCanvas canvas)
    {
        if (!canvas.IsNarrow)
        {
            return;
        }

        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.TickLabelStyle.FontSize = ChartCanvas.NarrowTickFontSize;
            axis.Label.FontSize = ChartCanvas.NarrowLabelFontSize;
        }

        plot.Axes.Title.Label.FontSize = ChartCanvas.NarrowTitleFontSize;
        plot.Legend.FontSize = ChartCanvas.NarrowTickFontSize;
    }

    private static void LabelSize(ScottPlot.Plottables.BarPlot bars, ChartCanvas canvas)
    {
        if (canvas.IsNarrow)
        {
            bars.ValueLabelStyle.FontSize = ChartCanvas.NarrowTickFontSize;
        }
    }

    /// <summary>
    /// On a page the legend sits in a corner the data leave free; on a phone there is no such corner, so it goes below the
    /// plot, one entry a line, and never covers the data.
    /// </summary>
    private static void ShowLegend(Plot plot, ChartCanvas canvas, Alignment wideCorner)
    {
        if (canvas.IsNarrow)
        {
            plot.ShowLegend(Edge.Bottom);
            plot.Legend.Orientation = Orientation.Vertical;
        }
        else if (wideCorner == Alignment.LowerCenter)
        {
            plot.ShowLegend(Edge.Bottom);
        }
        else
        {
            plot.ShowLegend(wideCorner);
        }
    }

    /// <summary>Dates on the x axis as ISO dates, limited to the period shown (spans and lines would otherwise stretch it).</summary>
    private static (double Left, double Right) DateAxis(Plot plot, ChartCanvas canvas, DateOnly from, DateOnly to)
    {
        var axis = plot.Axes.DateTimeTicksBottom();
        if (axis.TickGenerator is ScottPlot.TickGenerators.DateTimeAutomatic ticks)
        {
            // On a phone an ISO date is too wide for more than one tick; the month and day are enough there.
            ticks.LabelFormatter = d => d.ToString(canvas.IsNarrow ? "d MMM" : "yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        var pad = Math.Max(1, (to.DayNumber - from.DayNumber) / 50.0);
        var limits = (X(from) - pad, X(to) + pad);
        plot.Axes.SetLimitsX(limits.Item1, limits.Item2);
        return limits;
    }

    /// <summary>
    /// A shaded rectangle. ScottPlot's spans extend to infinity, which a date axis cannot convert, so they vanish there;
    /// a rectangle over the shown range does not.
    /// </summary>
    private static void Band(Plot plot, double left, double right, double bottom, double top, Color colour, string legend)
    {
        var band = plot.Add.Rectangle(left, right, bottom, top);
        band.FillColor = colour.WithAlpha(0.22);
        band.LineWidth = 0;
        band.LegendText = legend;
    }

    private static bool IsInstalled(string family)
    {
        using var typeface = SKTypeface.FromFamilyName(family);
        return typeface is not null && string.Equals(typeface.FamilyName, family, StringComparison.OrdinalIgnoreCase);
    }

    private static void AddOnset(Plot plot, DateOnly onset, DateOnly chartStart)
    {
        if (onset < chartStart)
        {
            return;
        }

        var line = plot.Add.VerticalLine(X(onset), 1.5f, Grey, LinePattern.Dotted);
        line.LegendText = "Pain began (dotted)";
    }

    private static double AddLowCadence(Plot plot, ReportOptions options, ChartCanvas canvas)
    {
        var low = options.Settings.LowCadenceStepsPerMinute;
        var line = plot.Add.HorizontalLine(low, 1.5f, Red, LinePattern.Dashed);
        line.LegendText = canvas.Pick($"Low-cadence threshold {Number(low, "0")} (dashed)", $"Low cadence: {Number(low, "0")} (dashed)");
        return low;
    }

    /// <summary>The pace step the cadence-speed slope is told in: 30 s per km or per mile faster.</summary>
    private const int PaceStepSeconds = 30;

    /// <summary>The fitted slope as the change in cadence for <see cref="PaceStepSeconds"/> faster than easy pace.</summary>
    private static double StepsPerPaceStep(CadenceRelation cadence, DistanceUnit unit)
    {
        var metres = DistanceText.MetersPer(unit);
        var easyPaceSeconds = metres / cadence.EasySpeedMetersPerSecond;
        var faster = metres / Math.Max(easyPaceSeconds - PaceStepSeconds, 1);
        return cadence.SlopeStepsPerMinutePerMeterPerSecond * (faster - cadence.EasySpeedMetersPerSecond);
    }

    private static ChartFigure Figure(ChartCanvas canvas, string id, Plot plot, string caption, string ariaLabel)
    {
        SizeText(plot, canvas);
        return new(id, caption, InlineSvg.Prepare(InvariantSvg(plot, canvas), canvas.Width, canvas.Height, $"{id}-{canvas.CssClass}", ariaLabel, canvas.CssClass), null);
    }

    /// <summary>
    /// The drawing in the invariant culture: ScottPlot writes its automatic tick labels (0.2, 1.5) in the current culture,
    /// and the report is one file that reads the same, and compares equal, in every locale (CultureInvarianceTests).
    /// </summary>
    private static string InvariantSvg(Plot plot, ChartCanvas canvas)
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            return plot.GetSvgXml(canvas.Width, canvas.Height);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    private static ChartFigure Empty(string id, string title, string note) => new(id, title + ".", null, note);

    private static double X(DateOnly date) => date.ToDateTime(TimeOnly.MinValue).ToOADate();

    private static string Number(double value, string format = "0.##") => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Shorten(string name, int length) => name.Length <= length ? name : string.Concat(name.AsSpan(0, length - 1), "…");

    internal static string Pace(double metersPerSecond, DistanceUnit unit) =>
        $"{DistanceText.PaceClock(metersPerSecond, unit)} per {DistanceText.Symbol(unit)}";
}
