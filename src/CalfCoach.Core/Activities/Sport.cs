namespace CalfCoach.Core.Activities;

/// <summary>The sport of an activity. Only <see cref="Running"/> counts as running load.</summary>
public enum Sport
{
    Running,
    Walking,
    Hiking,
    Cycling,
    Swimming,
    Other,
}

/// <summary>Where or how a run happened; only meaningful for running.</summary>
public enum SubSport
{
    Generic,
    Road,
    Trail,
    Treadmill,
    Track,
    Virtual,
    Other,
}

/// <summary>What a cadence number counts per minute. Stored by wire name; never compared across units.</summary>
public enum CadenceUnit
{
    /// <summary>Steps per minute, both feet (foot sports; files counting one foot are doubled on import).</summary>
    StepsPerMinute,

    /// <summary>Pedal revolutions per minute (cycling).</summary>
    RevolutionsPerMinute,

    /// <summary>Strokes per minute (swimming).</summary>
    StrokesPerMinute,

    /// <summary>The device's own cycles per minute (rowing, elliptical, other sports): FIT's "rpm" left as recorded.</summary>
    CyclesPerMinute,
}

public static class SportExtensions
{
    public static bool CountsAsRunningLoad(this Sport sport) => sport == Sport.Running;

    /// <summary>
    /// Foot sports, whose files count cadence per foot (strides, one side's steps): CalfCoach doubles them to
    /// steps per minute. For other sports the number is revolutions or strokes.
    /// </summary>
    public static bool CountsCadencePerFoot(this Sport sport) => sport is Sport.Running or Sport.Walking or Sport.Hiking;

    /// <summary>The unit of the sport's cadence as CalfCoach stores it (foot sports already doubled to steps).</summary>
    public static CadenceUnit CadenceUnit(this Sport sport) => sport switch
    {
        Sport.Running or Sport.Walking or Sport.Hiking => Activities.CadenceUnit.StepsPerMinute,
        Sport.Cycling => Activities.CadenceUnit.RevolutionsPerMinute,
        Sport.Swimming => Activities.CadenceUnit.StrokesPerMinute,
        _ => Activities.CadenceUnit.CyclesPerMinute,
    };

    /// <summary>Short unit names for the database, JSON and the CLI: "spm", "rpm", "strokes/min", "cpm".</summary>
    public static string WireName(this CadenceUnit unit) => unit switch
    {
        Activities.CadenceUnit.StepsPerMinute => "spm",
        Activities.CadenceUnit.RevolutionsPerMinute => "rpm",
        Activities.CadenceUnit.StrokesPerMinute => "strokes/min",
        Activities.CadenceUnit.CyclesPerMinute => "cpm",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, null),
    };

    public static CadenceUnit ParseCadenceUnit(string wireName) =>
        Enum.GetValues<CadenceUnit>().FirstOrDefault(u => u.WireName() == wireName, Activities.CadenceUnit.CyclesPerMinute);

    /// <summary>Stable lower-case names for the database, JSON and the CLI.</summary>
    public static string WireName(this Sport sport) => sport switch
    {
        Sport.Running => "running",
        Sport.Walking => "walking",
        Sport.Hiking => "hiking",
        Sport.Cycling => "cycling",
        Sport.Swimming => "swimming",
        Sport.Other => "other",
        _ => throw new ArgumentOutOfRangeException(nameof(sport), sport, null),
    };

    public static string WireName(this SubSport subSport) => subSport switch
    {
        SubSport.Generic => "generic",
        SubSport.Road => "road",
        SubSport.Trail => "trail",
        SubSport.Treadmill => "treadmill",
        SubSport.Track => "track",
        SubSport.Virtual => "virtual",
        SubSport.Other => "other",
        _ => throw new ArgumentOutOfRangeException(nameof(subSport), subSport, null),
    };

    public static Sport ParseSport(string wireName) =>
        Enum.GetValues<Sport>().FirstOrDefault(s => s.WireName() == wireName, Sport.Other);

    public static SubSport ParseSubSport(string wireName) =>
        Enum.GetValues<SubSport>().FirstOrDefault(s => s.WireName() == wireName, SubSport.Other);
}
