using CalfCoach.Core.Hydration;

namespace CalfCoach.Core.Tests.Hydration;

public sealed class SweatPlanTests
{
    [Fact]
    public void Sweat_rate_is_mass_lost_plus_drink_minus_urine_per_hour()
    {
        // 70.0 → 69.2 kg (0.8 L), drank 0.5 L, urine 0.1 L: 1.2 L in 90 min = 0.8 L/h; 0.8/70 = 1.14 % lost.
        var test = new SweatTest(70.0, 69.2, 0.5, 90, urineLitres: 0.1);

        Assert.Equal(1.2, test.SweatLitres, 6);
        Assert.Equal(0.8, test.SweatRateLitresPerHour, 6);
        Assert.Equal(1.142857, test.BodyMassChangePercent, 5);
    }

    [Fact]
    public void The_plan_drinks_enough_to_stay_under_2_percent_and_never_more_than_is_sweated()
    {
        // Rate 0.8 L/h over 3 h = 2.4 L; 2 % of 70 kg = 1.4 L may be lost, so at least (2.4 − 1.4)/3 = 0.33 L/h → 0.35; at most 0.8 L/h.
        var plan = SweatPlan.For(new SweatTest(70.0, 69.2, 0.5, 90, urineLitres: 0.1), nextRunMinutes: 180);

        Assert.Equal(0.8, plan.SweatRateLitresPerHour);
        Assert.Equal(0.35, plan.DrinkMinLitresPerHour);
        Assert.Equal(0.8, plan.DrinkMaxLitresPerHour);
        // Still lost at the minimum: 2.4 − 0.35 × 3 = 1.35 L; replace 150 % → 2.025 → 2.05 L.
        Assert.Equal(2.05, plan.AfterRunLitres);
        Assert.Contains(plan.Advice, a => a.Contains("hyponatraemia", StringComparison.Ordinal));
        Assert.Contains(plan.Advice, a => a.Contains("pacing", StringComparison.Ordinal));
    }

    [Fact]
    public void A_short_run_needs_no_minimum_intake()
    {
        var plan = SweatPlan.For(new SweatTest(70.0, 69.2, 0.5, 90), nextRunMinutes: 45);

        Assert.Equal(0, plan.DrinkMinLitresPerHour);
    }

    [Fact]
    public void Gaining_weight_during_the_test_is_called_out()
    {
        var plan = SweatPlan.For(new SweatTest(70.0, 70.4, 1.5, 60), nextRunMinutes: 120);

        Assert.StartsWith("You weighed more after", plan.Advice[0]);
    }

    [Fact]
    public void Losing_more_than_2_percent_is_called_out()
    {
        var plan = SweatPlan.For(new SweatTest(60.0, 58.5, 0, 120), nextRunMinutes: 120);

        Assert.StartsWith("You lost 2.5 %", plan.Advice[0]);
    }

    [Theory]
    [InlineData(70, 60, 0.5, 60)]   // 14 % change: a typo
    [InlineData(70, 69, -1, 60)]
    [InlineData(70, 69, 0.5, 0)]
    [InlineData(double.NaN, 69, 0.5, 60)]
    public void Implausible_measurements_are_refused(double before, double after, double drank, double minutes)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SweatTest(before, after, drank, minutes));
    }
}
