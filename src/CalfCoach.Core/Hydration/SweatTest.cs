using System.Globalization;
namespace CalfCoach.Core.Hydration;

/// <summary>
/// One sweat-rate check: weigh before and after a run (nude or in dry minimal clothing, towelled, after
/// using the toilet), note what was drunk and, if any, urine passed. EVIDENCE.md 2.7 (ACSM 2007; NATA).
/// </summary>
public sealed record SweatTest
{
    public SweatTest(double beforeKg, double afterKg, double drankLitres, double minutes, double urineLitres = 0)
    {
        InRange(beforeKg, 30, 250, nameof(beforeKg), "kg");
        InRange(afterKg, 30, 250, nameof(afterKg), "kg");
        InRange(drankLitres, 0, 10, nameof(drankLitres), "L");
        InRange(minutes, 10, 600, nameof(minutes), "minutes");
        InRange(urineLitres, 0, 5, nameof(urineLitres), "L");
        if (Math.Abs(beforeKg - afterKg) > beforeKg * 0.1)
        {
            throw new ArgumentOutOfRangeException(nameof(afterKg), afterKg, "A change of more than 10 % of body mass in one run is not plausible; check both weights.");
        }

        BeforeKg = beforeKg;
        AfterKg = afterKg;
        DrankLitres = drankLitres;
        Minutes = minutes;
        UrineLitres = urineLitres;
    }

    public double BeforeKg { get; }

    public double AfterKg { get; }

    public double DrankLitres { get; }

    public double Minutes { get; }

    public double UrineLitres { get; }

    /// <summary>Sweat lost: mass lost + fluid drunk − urine passed, 1 kg ≈ 1 L.</summary>
    public double SweatLitres => BeforeKg - AfterKg + DrankLitres - UrineLitres;

    public double SweatRateLitresPerHour => SweatLitres / (Minutes / 60);

    /// <summary>(before − after) ÷ before × 100; negative when the runner gained weight (drank more than they sweated).</summary>
    public double BodyMassChangePercent => (BeforeKg - AfterKg) / BeforeKg * 100;

    private static void InRange(double value, double min, double max, string name, string unit)
    {
        if (double.IsNaN(value) || value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture, $"{name} must be from {min} to {max} {unit}."));
        }
    }
}

/// <summary>A fluid plan for the next long run, with the evidence's caveats.</summary>
/// <param name="DrinkMinLitresPerHour">Enough to keep the loss under <see cref="SweatPlan.MaxLossPercent"/> % of body mass.</param>
/// <param name="DrinkMaxLitresPerHour">Never more than is sweated: gaining weight risks hyponatraemia.</param>
/// <param name="AfterRunLitres">About 1.5 L per kg still lost at the end.</param>
public sealed record FluidPlan(
    double SweatRateLitresPerHour,
    double BodyMassChangePercent,
    double RunMinutes,
    double DrinkMinLitresPerHour,
    double DrinkMaxLitresPerHour,
    double AfterRunLitres,
    IReadOnlyList<string> Advice);

public static class SweatPlan
{
    /// <summary>ACSM 2007: drink to prevent a water deficit above 2 % of body mass (EVIDENCE.md 2.7).</summary>
    public const double MaxLossPercent = 2;

    /// <summary>Replace about 150 % of what is still lost after exercise (EVIDENCE.md 2.7, secondary summary of ACSM).</summary>
    public const double AfterRunReplacementFactor = 1.5;

    public static FluidPlan For(SweatTest test, double nextRunMinutes)
    {
        ArgumentNullException.ThrowIfNull(test);
        if (double.IsNaN(nextRunMinutes) || nextRunMinutes < 10 || nextRunMinutes > 600)
        {
            throw new ArgumentOutOfRangeException(nameof(nextRunMinutes), nextRunMinutes, "The next run must be from 10 to 600 minutes.");
        }

        var hours = nextRunMinutes / 60;
        var rate = Math.Max(0, test.SweatRateLitresPerHour);
        var allowedLoss = test.BeforeKg * MaxLossPercent / 100;
        // Rounded up, so the advice never lets the loss pass the limit; "still lost" is what remains at that intake.
        var minimum = Math.Min(RoundUp(Math.Max(0, rate - (allowedLoss / hours))), Round(rate));
        var maximum = rate;
        var stillLost = Math.Max(0, (rate - minimum) * hours);
        var advice = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"Drink about {minimum}–{Round(maximum)} L per hour, in small amounts every 15–20 minutes, starting early."),
            "Never drink so much that you weigh more after the run than before: over-drinking dilutes the blood's sodium (hyponatraemia), which is dangerous.",
            "On runs longer than about an hour, or when it is hot, choose a drink with electrolytes (sodium) rather than water alone; how much salt people lose in sweat varies a lot, so heavy, salty sweaters (white marks on clothes) need more.",
            "Fatigue and pacing matter at least as much as fluids for cramps: start long and hot runs conservatively and build up to race distance and intensity in training.",
            "Repeat this check in conditions like the ones you are planning for: sweat rate changes with heat and pace.",
        };
        if (test.BodyMassChangePercent < 0)
        {
            advice.Insert(0, "You weighed more after the test run than before: you drank more than you sweated. Drink less next time.");
        }
        else if (test.BodyMassChangePercent > MaxLossPercent)
        {
            advice.Insert(0, string.Create(CultureInfo.InvariantCulture, $"You lost {test.BodyMassChangePercent:0.0} % of your body mass in the test run, more than the {MaxLossPercent:0} % that starts to hurt performance: drink more on long runs."));
        }

        return new FluidPlan(Round(rate), Math.Round(test.BodyMassChangePercent, 2), nextRunMinutes, minimum, Round(maximum),
            Round(stillLost * AfterRunReplacementFactor), advice);
    }

    /// <summary>To the nearest 0.05 L: finer is false precision for kitchen scales and bottles.</summary>
    private static double Round(double litres) => Math.Round((litres * 20) + 1e-9, MidpointRounding.AwayFromZero) / 20;

    private static double RoundUp(double litres) => Math.Ceiling((litres * 20) - 1e-9) / 20;
}
