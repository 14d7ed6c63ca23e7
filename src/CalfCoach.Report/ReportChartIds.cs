namespace CalfCoach.Report;

/// <summary>The <c>id</c> of each chart's <c>&lt;figure&gt;</c> in the report: stable, so links and tests can key on them.</summary>
public static class ReportChartIds
{
    public const string WeeklyDistance = "chart-weekly-distance";
    public const string WorkloadRatio = "chart-workload-ratio";
    public const string CadenceOverTime = "chart-cadence-time";
    public const string CadenceBySpeed = "chart-cadence-speed";
    public const string ShoeDistance = "chart-shoe-distance";

    /// <summary>In the order the report shows them.</summary>
    public static IReadOnlyList<string> All { get; } = [WeeklyDistance, WorkloadRatio, CadenceOverTime, CadenceBySpeed, ShoeDistance];
}
